/// Small scanning tools shared by the text, index and extraction modules.

extension RandomAccessCollection where Index == Int {
    /// The first index whose element is not `isBefore`, found by halving;
    /// the elements `isBefore` holds for must all come first.
    @inlinable @inline(__always)
    package func partitionPoint(where isBefore: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if isBefore(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension String {
    /// The characters at UTF-8 bytes `range` (whose ends are between
    /// characters), copied as they are: `String(decoding:)` of the same
    /// bytes would check their UTF-8 again.
    package func substring(utf8 range: Range<Int>) -> Substring {
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return Substring(unicodeScalars[start..<end])
    }
}
