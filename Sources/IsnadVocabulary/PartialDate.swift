extension DayNumber: CustomStringConvertible {
    package func adding(days: Int32) -> DayNumber { DayNumber(rawValue: rawValue + days) }

    package var description: String {
        let (y, m, d) = date
        return String(isoYear: y, month: m, day: d, length: 10)
            ?? String(format4: y) + "-" + String(format2: m) + "-" + String(format2: d)
    }
}

/// A date as written in a query: a year, a month or a day. It stands for
/// the interval of days it covers.
package struct PartialDate: Sendable, Hashable {
    package enum Precision: String, Sendable, Hashable { case year, month, day }

    package var first: DayNumber
    package var last: DayNumber
    package var precision: Precision

    /// Reads `2022`, `2022-10` or `2022-10-05` (digits of any script);
    /// on failure, says why in the words of a diagnostic.
    package static func parse(_ text: String) -> Result<PartialDate, DateProblem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 4,
                part.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal })
            else {
                return .failure(.notADate)
            }
            numbers.append(part.unicodeScalars.reduce(0) { $0 * 10 + Int($1.properties.numericValue ?? 0) })
        }
        guard (1...3).contains(numbers.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count <= 2 }) else {
            return .failure(.notADate)
        }
        let year = numbers[0]
        guard year >= 1 else { return .failure(.badYear) }
        if numbers.count == 1 {
            guard let first = DayNumber(year: year, month: 1, day: 1), let last = DayNumber(year: year, month: 12, day: 31) else {
                return .failure(.badYear)
            }
            return .success(PartialDate(first: first, last: last, precision: .year))
        }
        let month = numbers[1]
        guard (1...12).contains(month) else { return .failure(.badMonth(month)) }
        if numbers.count == 2 {
            guard let first = DayNumber(year: year, month: month, day: 1),
                let last = DayNumber(year: year, month: month, day: DayNumber.daysIn(month: month, year: year))
            else {
                return .failure(.badYear)
            }
            return .success(PartialDate(first: first, last: last, precision: .month))
        }
        let day = numbers[2]
        guard let date = DayNumber(year: year, month: month, day: day) else {
            return .failure(.badDayNumber(day, month: month, year: year))
        }
        return .success(PartialDate(first: date, last: date, precision: .day))
    }

    package enum DateProblem: Error, Sendable, Hashable {
        case notADate, badYear
        case badMonth(Int)
        case badDayNumber(Int, month: Int, year: Int)

        package var reason: String {
            switch self {
            case .notADate: "expected a year, a month or a day"
            case .badYear: "years run from 0001 to 9999"
            case .badMonth(let m): "there is no month \(m)"
            case .badDayNumber(let d, let m, let y): "month \(String(format2: m)) of \(y) has no day \(d)"
            }
        }
    }
}

/// Days from `lower` to `upper`, both included; nil is open.
package struct DayRange: Sendable, Hashable, CustomStringConvertible {
    package var lower: DayNumber?
    package var upper: DayNumber?

    package init(lower: DayNumber?, upper: DayNumber?) {
        self.lower = lower
        self.upper = upper
    }

    package var description: String { "\(lower?.description ?? "*")..\(upper?.description ?? "*")" }

    /// Whether the whole of `date` (its first to its last day) lies in the range.
    package func contains(_ date: RecordDate) -> Bool {
        if let lower, date.first < lower { return false }
        if let upper, date.last > upper { return false }
        return true
    }
}

extension String {
    /// The first `length` bytes of `YYYY-MM-DD` (4, 7 or 10) written
    /// straight into the string (inline: no allocation), as `format4` and
    /// `format2` joined by dashes write them; nil for a year outside
    /// 0...9999 or a month or day outside 0...99. Every statement's date is
    /// made a String on ingest, and building it from parts cost some
    /// 2,700 instructions.
    package init?(isoYear year: Int, month: Int, day: Int, length: Int) {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day), [4, 7, 10].contains(length) else {
            return nil
        }
        self.init(unsafeUninitializedCapacity: length) { out in
            func put(_ value: Int, digits: Int, at start: Int) {
                var value = value
                for k in stride(from: start + digits - 1, through: start, by: -1) {
                    out[k] = UInt8(0x30 + value % 10)
                    value /= 10
                }
            }
            put(year, digits: 4, at: 0)
            if length >= 7 {
                out[4] = 0x2D
                put(month, digits: 2, at: 5)
            }
            if length == 10 {
                out[7] = 0x2D
                put(day, digits: 2, at: 8)
            }
            return length
        }
    }

    package init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    package init(format4 value: Int) {
        let digits = value.description
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
