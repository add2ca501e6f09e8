import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Checks an LMDB data file before it is mapped.
///
/// LMDB maps `data.mdb` and reads its pages in place, so a file cut short
/// (a full disk, an interrupted copy, a failed transfer) makes the first
/// read past its end a SIGBUS, not an error. The two meta pages at the
/// start of the file say how large it must be: `mm_last_pg` is the last
/// page the newest transaction used, so the file holds at least
/// `(mm_last_pg + 1) × page size` bytes. LMDB's own comment adds that the
/// file "may be shorter if the freeDB lists the final pages" (pages a
/// transaction took and freed again before writing them), so a file that
/// is shorter is truncated only when one of the missing pages is not free.
///
/// The layout read here is `MDB_meta` of LMDB 0.9 (mdb.c) on a 64-bit
/// build: a 16-byte page header (`mp_pgno`, `mp_pad`, `mp_flags`,
/// `mp_lower`, `mp_upper`), then `mm_magic`, `mm_version`, `mm_address`,
/// `mm_mapsize`, two `MDB_db` of 48 bytes (free pages, main; the page size
/// is the first one's `md_pad`), `mm_last_pg` and `mm_txnid`.
enum DataFile {
    /// What the file's header says, when it is an LMDB file this check
    /// understands.
    struct Header: Equatable {
        var pageSize: Int
        var lastPage: Int
        /// The root page of the free-page database, nil when it is empty.
        var freeRoot: Int?
        var transaction: Int
    }

    /// How the file compares with what its header says.
    enum Verdict: Equatable {
        /// A zero-byte file: LMDB has not even written its meta pages.
        case empty
        /// Not a file this check reads (another format, another word
        /// size): LMDB decides.
        case unknown
        /// Large enough for every page in use.
        case whole(Header)
        /// Shorter than the pages in use: `size` bytes where `needed` are.
        case truncated(size: Int, needed: Int)
    }

    static let pageHeaderSize = 16
    static let metaSize = 136
    static let magic: UInt32 = 0xBEEF_C0DE
    static let dataVersion: UInt32 = 1
    static let metaFlag: UInt16 = 0x08
    static let branchFlag: UInt16 = 0x01
    static let leafFlag: UInt16 = 0x02
    static let bigDataFlag: UInt16 = 0x01
    static let invalidPage = UInt64.max

    /// Reads the header of the file at `path` and compares the file's size
    /// with it. Throws only when the file cannot be read at all.
    static func inspect(_ path: String) throws -> Verdict {
        // pgno_t and size_t are 8 bytes on the builds this reads.
        guard MemoryLayout<Int>.size == 8 else { return .unknown }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw StoreError(
                code == EACCES ? .readOnly : .lmdb, operation: "open",
                message: "cannot read '\(path)': \(String(cString: strerror(code)))", lmdbCode: code)
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .unknown }
        let size = Int(status.st_size)
        if size == 0 { return .empty }
        let file = Reader(fd: fd, size: size)

        guard let first = file.meta(at: 0) else { return .unknown }
        let pageSize = first.pageSize
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else { return .unknown }
        guard size >= pageSize + pageHeaderSize + metaSize else {
            return .truncated(size: size, needed: 2 * pageSize)
        }
        // LMDB reads both meta pages and uses the one of the newer
        // transaction; a second page that is not a meta page is LMDB's to
        // report.
        guard let second = file.meta(at: pageSize) else { return .unknown }
        let newest = second.transaction > first.transaction ? second : first
        let needed = (newest.lastPage + 1) * pageSize
        if size >= needed { return .whole(newest) }
        // The pages from the last whole one on must all be free.
        let firstMissing = size / pageSize
        guard let free = file.freePages(from: newest.freeRoot, pageSize: pageSize, atLeast: firstMissing),
            (firstMissing...newest.lastPage).allSatisfy(free.contains)
        else {
            return .truncated(size: size, needed: needed)
        }
        return .whole(newest)
    }

    /// `pread` over one open file, bounds-checked.
    private struct Reader {
        let fd: Int32
        let size: Int

        /// `count` bytes at `offset`, nil when the file ends first.
        func bytes(at offset: Int, count: Int) -> [UInt8]? {
            guard offset >= 0, count >= 0, offset <= size - count else { return nil }
            var out = [UInt8](repeating: 0, count: count)
            var done = 0
            while done < count {
                let n = out.withUnsafeMutableBytes { buffer in
                    pread(fd, buffer.baseAddress.map { $0 + done }, count - done, off_t(offset + done))
                }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return nil }
                done += n
            }
            return out
        }

        func meta(at offset: Int) -> Header? {
            guard let page = bytes(at: offset, count: pageHeaderSize + metaSize) else { return nil }
            guard page.u16(10) & metaFlag != 0 else { return nil }
            let meta = pageHeaderSize
            guard page.u32(meta) == magic, page.u32(meta + 4) == dataVersion else { return nil }
            let freeRoot = page.u64(meta + 24 + 40)
            let lastPage = page.u64(meta + 120)
            let transaction = page.u64(meta + 128)
            guard lastPage < UInt64(Int.max / 65_536), transaction < UInt64(Int.max) else { return nil }
            return Header(
                pageSize: Int(page.u32(meta + 24)), lastPage: Int(lastPage),
                freeRoot: freeRoot == invalidPage ? nil : Int(clamping: freeRoot),
                transaction: Int(transaction))
        }

        /// The free pages numbered `atLeast` or more that the free-page
        /// database lists, or nil when one of its own pages is missing or
        /// unreadable (then the missing pages cannot be shown free).
        func freePages(from root: Int?, pageSize: Int, atLeast low: Int) -> Set<Int>? {
            var free: Set<Int> = []
            guard let root else { return free }
            var pending = [(page: root, depth: 0)]
            var visited = 0
            while let (number, depth) = pending.popLast() {
                visited += 1
                guard depth < 32, visited <= 1 << 20, number <= Int.max / pageSize,
                    let page = bytes(at: number * pageSize, count: pageSize)
                else { return nil }
                let flags = page.u16(10)
                let lower = Int(page.u16(12))
                guard lower >= pageHeaderSize, lower <= pageSize else { return nil }
                for slot in 0..<(lower - pageHeaderSize) / 2 {
                    let node = Int(page.u16(pageHeaderSize + 2 * slot))
                    guard node >= pageHeaderSize, node + 8 <= pageSize else { return nil }
                    let lo = UInt64(page.u16(node))
                    let hi = UInt64(page.u16(node + 2))
                    let nodeFlags = page.u16(node + 4)
                    let keySize = Int(page.u16(node + 6))
                    if flags & branchFlag != 0 {
                        let child = lo | hi << 16 | UInt64(nodeFlags) << 32
                        guard child < UInt64(Int.max) else { return nil }
                        pending.append((Int(child), depth + 1))
                    } else if flags & leafFlag != 0 {
                        let dataSize = Int(lo | hi << 16)
                        let start = node + 8 + keySize
                        let list: [UInt8]
                        if nodeFlags & bigDataFlag != 0 {
                            guard start + 8 <= pageSize else { return nil }
                            let overflow = page.u64(start)
                            guard overflow < UInt64(Int.max / pageSize),
                                let value = bytes(at: Int(overflow) * pageSize + pageHeaderSize, count: dataSize)
                            else { return nil }
                            list = value
                        } else {
                            guard start + dataSize <= pageSize else { return nil }
                            list = Array(page[start..<start + dataSize])
                        }
                        // An MDB_IDL: a count, then that many page numbers.
                        guard list.count >= 8 else { return nil }
                        let count = list.u64(0)
                        guard count <= UInt64(list.count / 8 - 1) else { return nil }
                        for k in 0..<Int(count) {
                            let id = list.u64(8 + 8 * k)
                            if id >= UInt64(low), id < UInt64(Int.max) { free.insert(Int(id)) }
                        }
                    } else {
                        return nil
                    }
                }
            }
            return free
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func u16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    fileprivate func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(self[at + $1]) << (8 * $1) } }
    fileprivate func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(self[at + $1]) << (8 * $1) } }
}
