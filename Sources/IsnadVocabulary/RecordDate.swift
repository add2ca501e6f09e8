/// A date as records carry it: its first day and how much it covers.
package struct RecordDate: Hashable, Sendable {
    package var first: DayNumber
    package var precision: PartialDate.Precision

    package init?(_ text: String) {
        // Records nearly always write YYYY-MM-DD, YYYY-MM or YYYY: read those
        // bytes directly (every record is checked on import, then indexed).
        if let attempt = text.utf8.withContiguousStorageIfAvailable(RecordDate.canonical), let canonical = attempt {
            guard let canonical else { return nil }
            self = canonical
            return
        }
        guard text.utf8.allSatisfy({ $0 == 0x2D || (0x30...0x39).contains($0) }),
            case .success(let date) = PartialDate.parse(text)
        else { return nil }
        first = date.first
        precision = date.precision
    }

    /// The date of `text` when `text` is written as ``text`` writes it
    /// (`2022`, `2022-02`, `2022-02-16`), else nil. Formatting the date to
    /// compare was a tenth of reading a statement line.
    package static func canonical(_ text: String) -> RecordDate? {
        if let attempt = text.utf8.withContiguousStorageIfAvailable(RecordDate.canonical) {
            // Fixed-width digits of a valid date are the canonical text.
            return attempt ?? nil
        }
        guard let date = RecordDate(text), date.text == text else { return nil }
        return date
    }

    /// nil? when the bytes are not in a canonical form (the general parser
    /// decides); nil inside when they are but name no date.
    private static func canonical(_ b: UnsafeBufferPointer<UInt8>) -> RecordDate?? {
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                let d = b[i] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard b.count == 4 || b.count == 7 || b.count == 10, let year = digits(0..<4) else { return .none }
        if b.count == 4 {
            guard year >= 1, let first = DayNumber(year: year, month: 1, day: 1) else { return .some(nil) }
            return RecordDate(first: first, precision: .year)
        }
        guard b[4] == 0x2D, let month = digits(5..<7) else { return .none }
        if b.count == 7 {
            guard year >= 1, (1...12).contains(month), let first = DayNumber(year: year, month: month, day: 1) else {
                return .some(nil)
            }
            return RecordDate(first: first, precision: .month)
        }
        guard b[7] == 0x2D, let day = digits(8..<10) else { return .none }
        guard year >= 1, (1...12).contains(month), let first = DayNumber(year: year, month: month, day: day) else {
            return .some(nil)
        }
        return RecordDate(first: first, precision: .day)
    }

    package init(first: DayNumber, precision: PartialDate.Precision) {
        self.first = first
        self.precision = precision
    }

    /// The last day the date covers.
    package var last: DayNumber {
        let (y, m, _) = first.date
        switch precision {
        case .day: return first
        case .month: return DayNumber(year: y, month: m, day: DayNumber.daysIn(month: m, year: y)) ?? first
        case .year: return DayNumber(year: y, month: 12, day: 31) ?? first
        }
    }

    /// As written in records: `2022`, `2022-10` or `2022-10-05`.
    package var text: String {
        let (y, m, d) = first.date
        let length = precision == .year ? 4 : precision == .month ? 7 : 10
        if let text = String(isoYear: y, month: m, day: d, length: length) { return text }
        switch precision {
        case .year: return String(format4: y)
        case .month: return String(format4: y) + "-" + String(format2: m)
        case .day: return first.description
        }
    }
}
