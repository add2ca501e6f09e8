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
        // The old statement rows and article rows, each column's blocks
        // joined in id order (rows never written are the zeros the old
        // writer padded with); the old narrow columns only repeat the
        // statement rows and are deleted with them.
        var joined: [Column: [UInt8]] = [.statements: [], .articles: []]
        var keys: [[UInt8]] = []
        try txn.scan(columns) { entry in
            guard entry.key.count == 5, let column = Column(rawValue: entry.key[0]) else { return .next }
            keys.append(Array(entry.key))
            guard joined[column] != nil else { return .next }
            let block = Int(UInt32(bigEndian: UnsafeRawBufferPointer(rebasing: entry.key[1...]).loadUnaligned(as: UInt32.self)))
            let start = block * old.blockSize * column.width, end = start + entry.value.count
            // In place: a copy of the array per block would be quadratic.
            let count = joined[column, default: []].count
            if count < end { joined[column, default: []].append(contentsOf: repeatElement(0, count: end - count)) }
            joined[column, default: []].withUnsafeMutableBytes {
                UnsafeMutableRawBufferPointer(rebasing: $0[start..<end]).copyMemory(from: entry.value)
            }
            return .next
        }
        for key in keys { try txn.delete(key, in: columns) }

        let statements = joined[.statements] ?? [], articles = joined[.articles] ?? []
        var rows = statements.withUnsafeBytes { bytes in
            (0..<(bytes.count / Column.rowSize)).map { StatementRow(bytes, at: $0 * Column.rowSize) }
        }
        while rows.last?.live == false { rows.removeLast() }
        var stored = articles.withUnsafeBytes { bytes in
            (0..<(bytes.count / Column.rowSize)).map { ArticleRow(bytes, at: $0 * Column.rowSize).live }
        }
        while stored.last == false { stored.removeLast() }

        var rebuilt: [(Column, [UInt8])] = [(.articles, Array(articles.prefix(stored.count * Column.rowSize)))]
        for column in ColumnLayout.current.statementColumns {
            var bytes: [UInt8] = []
            column.pad(&bytes, rows: rows.count)
            bytes.withUnsafeMutableBytes { bytes in
                for (id, row) in rows.enumerated() where row.live { row.write(column, to: bytes, at: id * column.width) }
            }
            rebuilt.append((column, bytes))
        }
        let size = ColumnLayout.current.blockSize
        for (column, bytes) in rebuilt {
            let blockBytes = size * column.width
            for (block, start) in stride(from: 0, to: bytes.count, by: blockBytes).enumerated() {
                try txn.put(Array(bytes[start..<min(bytes.count, start + blockBytes)]),
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
