/// The languages Isnad analyses. Words of other scripts are kept as
/// normalised, unstemmed tokens.
package enum Language: String, Sendable, CaseIterable {
    case arabic = "ar"
    case english = "en"

    /// The language of a text by its letters: Arabic when Arabic letters
    /// are the majority of its Arabic and Latin letters, else English when
    /// it has Latin letters; nil when it has neither. What an article
    /// without a `lang` is stored as: one pass over the scalars, no
    /// allocation.
    package static func detect(in text: String) -> Language? {
        var arabic = 0
        var latin = 0
        for scalar in text.unicodeScalars {
            switch Script(scalar) {
            case .arabic: arabic += 1
            case .latin: latin += 1
            case .other: break
            }
        }
        if arabic == 0 && latin == 0 { return nil }
        return arabic > latin ? .arabic : .english
    }
}

/// The script of a letter, as far as routing words to analyzers goes.
package enum Script {
    case arabic, latin, other

    @inline(__always)
    package init(_ scalar: Unicode.Scalar) {
        let v = scalar.value
        switch v {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF:
            self = .latin
        case 0x620...0x64A, 0x66E...0x6D3, 0x6D5, 0x6EE, 0x6EF, 0x6FA...0x6FF, 0x750...0x77F, 0x8A0...0x8FF,
            0xFB50...0xFDFF, 0xFE70...0xFEFF:
            self = .arabic
        default:
            self = .other
        }
    }

    /// The script a word is analysed in: Arabic if it has an Arabic letter
    /// (light10 strips only Arabic affixes, so `والcnn` still meets `cnn`),
    /// else Latin if it has a Latin letter.
    package static func of(_ word: some Sequence<Unicode.Scalar>) -> Script {
        var latin = false
        for scalar in word {
            switch Script(scalar) {
            case .arabic: return .arabic
            case .latin: latin = true
            case .other: break
            }
        }
        return latin ? .latin : .other
    }
}
