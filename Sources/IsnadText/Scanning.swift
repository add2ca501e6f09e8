/// Small scanning tools shared by the text, index and extraction modules.

extension RandomAccessCollection where Index == Int {
    /// The first index whose element is not `isBefore`, found by halving;
    /// the elements `isBefore` holds for must all come first.
    @inlinable @inline(__always)
    package func partitionPoint(where isBefore: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if isBefore(self[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

extension Unicode.Scalar {
    /// In Foundation's `whitespacesAndNewlines`: Unicode's White_Space, and
    /// the zero-width space.
    package var isSpace: Bool { properties.isWhitespace || self == "\u{200B}" }
}

extension Substring {
    /// The text without the scalars `drop` holds for at either end, as
    /// `trimmingCharacters(in:)` gives, which first copied the whole text
    /// to UTF-16 (a fifteenth of an ingest, trimming sentences; a sixth of
    /// one for a long one-line article).
    package func trimmed(dropping drop: (Unicode.Scalar) -> Bool = { $0.isSpace }) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }),
            let last = scalars.lastIndex(where: { !drop($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}

extension String {
    /// As ``Substring/trimmed(dropping:)``; a String with nothing to drop
    /// is returned as it is, not copied.
    package func trimmed(dropping drop: (Unicode.Scalar) -> Bool = { $0.isSpace }) -> String {
        let scalars = unicodeScalars
        if let first = scalars.first, let last = scalars.last, !drop(first), !drop(last) { return self }
        return self[...].trimmed(dropping: drop)
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
