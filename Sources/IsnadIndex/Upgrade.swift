import IsnadStore

/// Rewrites a store of format 3 to 5 in format 6's layout when it is opened
/// for writing: the columns in blocks of ``ColumnLayout/current`` with the
/// statement rows as narrow columns, and the articles' statement lists
/// under ``FieldIndex/doc``. Everything moved is derived from the rows and
/// lists already stored; records, postings and positions stay as they are.
/// One write transaction: a failure (or a crash) leaves the store as it
/// was.
extension IndexStore {
    func upgrade() throws {
        try environment.write { txn in
            // Another process may have upgraded it since this one opened it.
            guard try environment.formatVersion(in: txn, meta: meta) ?? 0 < Schema.columnsFormat else { return }
            try upgradeColumns(txn: txn)
            try moveArticleLists(txn: txn)
            try environment.raiseFormat(in: txn, meta: meta)
        }
    }

    private func upgradeColumns(txn: borrowing WriteTransaction) throws {
        let old = ColumnLayout.legacy
        // Every old block of each column, joined in id order (rows never
        // written are the zeros the old writer padded with).
        var joined: [Column: [UInt8]] = [:]
        var keys: [[UInt8]] = []
        try txn.scan(columns) { entry in
            guard entry.key.count == 5, let column = Column(rawValue: entry.key[0]) else { return .next }
            let block = Int(UInt32(bigEndian: UnsafeRawBufferPointer(rebasing: entry.key[1...]).loadUnaligned(as: UInt32.self)))
            let start = block * old.blockSize * column.width, end = start + entry.value.count
            // In place: a copy of the array per block would be quadratic.
            let count = joined[column, default: []].count
            if count < end { joined[column, default: []].append(contentsOf: repeatElement(0, count: end - count)) }
            joined[column, default: []].withUnsafeMutableBytes {
                UnsafeMutableRawBufferPointer(rebasing: $0[start..<end]).copyMemory(from: entry.value)
            }
            keys.append(Array(entry.key))
            return .next
        }
        for key in keys { try txn.delete(key, in: columns) }

        let rows = joined[.statements] ?? []
        let live = (0..<(rows.count / Column.rowSize)).last { rows[$0 * Column.rowSize + 14] != 0 }.map { $0 + 1 } ?? 0
        var narrow: [Column: [UInt8]] = [:]
        for column in ColumnLayout.current.statementColumns {
            narrow[column] = Array([[UInt8]](repeating: column.filler, count: live).joined())
        }
        rows.withUnsafeBytes { rows in
            for id in 0..<live {
                let row = StatementRow(rows, at: id * Column.rowSize)
                guard row.live else { continue }
                for column in ColumnLayout.current.statementColumns {
                    narrow[column]?.withUnsafeMutableBytes { row.write(column, to: $0, at: id * column.width) }
                }
            }
        }
        let articles = joined[.articles] ?? []
        let stored = (0..<(articles.count / Column.rowSize)).last { articles[$0 * Column.rowSize + 10] != 0 }
        narrow[.articles] = Array(articles.prefix((stored.map { $0 + 1 } ?? 0) * Column.rowSize))

        let size = ColumnLayout.current.blockSize
        for (column, bytes) in narrow.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let blockBytes = size * column.width
            for (block, start) in stride(from: 0, to: bytes.count, by: blockBytes).enumerated() {
                try txn.put(bytes[start..<min(bytes.count, start + blockBytes)].map { $0 },
                            for: Column.key(column, block: block), in: columns)
            }
        }
    }

    /// Moves every list (and chunk) under ``FieldIndex/legacyDoc`` to the
    /// same key under ``FieldIndex/doc``, in key order, so they fill the
    /// end of the table.
    private func moveArticleLists(txn: borrowing WriteTransaction) throws {
        var moved: [(key: [UInt8], value: [UInt8])] = []
        try txn.scan(fields, in: .prefix([FieldIndex.legacyDoc.rawValue])) { entry in
            moved.append((Array(entry.key), Array(entry.value)))
            return .next
        }
        for entry in moved {
            try txn.delete(entry.key, in: fields)
            var key = entry.key
            key[0] = FieldIndex.doc.rawValue
            try txn.put(entry.value, for: key, in: fields)
        }
    }
}
