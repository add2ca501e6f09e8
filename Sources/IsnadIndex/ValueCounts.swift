/// How often each value of a narrow column occurs: the counts behind
/// `count by actor`, `count by stance` and `timeline`.
///
/// Values are counted in an array over the window of values seen, so a
/// statement costs a subtraction, a comparison and an increment, with no
/// hashing and no copy-on-write check (the array is a raw allocation the
/// struct owns, hence `~Copyable`). The window grows either way as values
/// arrive; values that would stretch it past `window` slots (dates
/// centuries apart, entity ids in the millions) are counted in a
/// dictionary instead.
package struct ValueCounts: ~Copyable {
    /// Values are counted by `value ^ flip`: with the sign bit flipped,
    /// Int32 bit patterns (days before 1970) order like unsigned ones.
    private let flip: UInt32
    private var base: UInt32 = 0
    private var size = 0
    private var slots: UnsafeMutablePointer<Int>
    private var far: [UInt32: Int] = [:]
    static let window = 1 << 20

    /// `signed`: the values are Int32 bit patterns (days).
    package init(signed: Bool = false) {
        flip = signed ? 0x8000_0000 : 0
        slots = .allocate(capacity: 1)
    }

    deinit { slots.deallocate() }

    @inline(__always)
    package mutating func add(_ value: UInt32) {
        let k = (value ^ flip) &- base
        if k < UInt32(truncatingIfNeeded: size) {
            slots[Int(k)] &+= 1
        } else {
            addOutside(value ^ flip)
        }
    }

    /// Counts `value` `times` times.
    package mutating func add(_ value: UInt32, times: Int) {
        guard times > 0 else { return }
        add(value)  // makes room for it, or counts it beside the window
        let k = (value ^ flip) &- base
        if k < UInt32(truncatingIfNeeded: size) {
            slots[Int(k)] &+= times - 1
        } else {
            far[value ^ flip, default: 0] += times - 1
        }
    }

    /// A value outside the window: the window grows to hold it (at least
    /// doubling), unless that would make it wider than `window`.
    @inline(never)
    private mutating func addOutside(_ key: UInt32) {
        if size == 0 {
            slots.deallocate()
            size = 64
            base = key >= 32 ? key - 32 : 0
            if UInt64(base) + UInt64(size) > UInt64(UInt32.max) { base = UInt32(UInt64(UInt32.max) + 1 - UInt64(size)) }
            slots = .allocate(capacity: size)
            slots.initialize(repeating: 0, count: size)
        } else {
            let low = min(UInt64(base), UInt64(key))
            let high = max(UInt64(base) + UInt64(size), UInt64(key) + 1)
            guard high - low <= UInt64(ValueCounts.window) else {
                far[key, default: 0] += 1
                return
            }
            // Grow towards the new value, at least doubling.
            let grown = UInt64(max(Int(high - low), min(2 * size, ValueCounts.window)))
            let newBase = key < base ? UInt32(max(Int64(high) - Int64(grown), 0)) : base
            let newSize = Int(min(grown, UInt64(UInt32.max) + 1 - UInt64(newBase)))
            let newSlots = UnsafeMutablePointer<Int>.allocate(capacity: newSize)
            newSlots.initialize(repeating: 0, count: newSize)
            (newSlots + Int(base - newBase)).update(from: slots, count: size)
            slots.deallocate()
            (slots, base, size) = (newSlots, newBase, newSize)
        }
        slots[Int(key - base)] += 1
    }

    /// Every value counted at least once and its count, in ascending order
    /// (as Int32 when `signed`).
    package var nonZero: [(value: UInt32, count: Int)] {
        var out: [(value: UInt32, count: Int)] = []
        var extra = far.sorted { $0.key < $1.key }[...]
        for k in 0..<size where slots[k] > 0 {
            let key = base + UInt32(k)
            while let next = extra.first, next.key < key {
                out.append((next.key ^ flip, next.value))
                extra = extra.dropFirst()
            }
            out.append((key ^ flip, slots[k]))
        }
        for (key, count) in extra { out.append((key ^ flip, count)) }
        return out
    }
}
