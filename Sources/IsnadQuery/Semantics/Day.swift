/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01 so
/// that date indexes sort and ranges compare as integers.
package struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var number: Int32

    package init(number: Int32) { self.number = number }

    /// nil unless `year`-`month`-`day` exists.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.length(ofMonth: month, year: year)).contains(day) else { return nil }
        // Days from civil, counting years from March so the leap day is last.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        number = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    package var components: (year: Int, month: Int, day: Int) {
        let z = Int(number) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    package static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    package static func < (a: Day, b: Day) -> Bool { a.number < b.number }

    package func adding(days: Int32) -> Day { Day(number: number + days) }

    package var description: String {
        let (y, m, d) = components
        return String(format4: y) + "-" + String(format2: m) + "-" + String(format2: d)
    }
}

/// A date as written in a query: a year, a month or a day. It stands for
/// the interval of days it covers.
package struct PartialDate: Sendable, Hashable {
    package enum Precision: String, Sendable, Hashable { case year, month, day }

    package var first: Day
    package var last: Day
    package var precision: Precision

    /// Reads `2022`, `2022-10` or `2022-10-05` (digits of any script);
    /// on failure, says why in the words of a diagnostic.
    package static func parse(_ text: String) -> Result<PartialDate, DateProblem> {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        var numbers: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 4,
                  part.unicodeScalars.allSatisfy({ $0.properties.numericType == .decimal }) else {
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
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else {
                return .failure(.badYear)
            }
            return .success(PartialDate(first: first, last: last, precision: .year))
        }
        let month = numbers[1]
        guard (1...12).contains(month) else { return .failure(.badMonth(month)) }
        if numbers.count == 2 {
            guard let first = Day(year: year, month: month, day: 1),
                  let last = Day(year: year, month: month, day: Day.length(ofMonth: month, year: year)) else {
                return .failure(.badYear)
            }
            return .success(PartialDate(first: first, last: last, precision: .month))
        }
        let day = numbers[2]
        guard let date = Day(year: year, month: month, day: day) else {
            return .failure(.badDay(day, month: month, year: year))
        }
        return .success(PartialDate(first: date, last: date, precision: .day))
    }

    package enum DateProblem: Error, Sendable, Hashable {
        case notADate, badYear, badMonth(Int), badDay(Int, month: Int, year: Int)

        var reason: String {
            switch self {
            case .notADate: "expected a year, a month or a day"
            case .badYear: "years run from 0001 to 9999"
            case .badMonth(let m): "there is no month \(m)"
            case .badDay(let d, let m, let y): "month \(String(format2: m)) of \(y) has no day \(d)"
            }
        }
    }
}

/// Days from `lower` to `upper`, both included; nil is open.
package struct DayRange: Sendable, Hashable, CustomStringConvertible {
    package var lower: Day?
    package var upper: Day?

    package init(lower: Day?, upper: Day?) {
        self.lower = lower
        self.upper = upper
    }

    package func contains(_ day: Day) -> Bool {
        (lower.map { day >= $0 } ?? true) && (upper.map { day <= $0 } ?? true)
    }

    package var description: String { "\(lower?.description ?? "*")..\(upper?.description ?? "*")" }
}

extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
    init(format4 value: Int) {
        let digits = value.description
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.count)) + digits
    }
}
