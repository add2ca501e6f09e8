/// What an actor does in a statement: the analyst-level stances of
/// DESIGN.md, after CAMEO's verbal-event codes.
package enum Stance: String, Sendable, Hashable, CaseIterable, Codable {
    case assert, confirm, deny, decline, warn, accuse, condemn, concern, demand, threaten, pledge, admit, report

    /// The CAMEO code a stance exports as; nil where CAMEO has none (confirm).
    package var cameo: String? {
        switch self {
        case .assert: "010"
        case .confirm: nil
        case .deny: "016"
        case .decline: "011"
        case .warn: "130"
        case .accuse: "112"
        case .condemn: "111"
        case .concern: "012"
        case .demand: "100"
        case .threaten: "130"
        case .pledge: "050"
        case .admit: "014"
        case .report: "010"
        }
    }

    /// One line for `.stances` and the docs.
    package var meaning: String {
        switch self {
        case .assert: "states something as fact"
        case .confirm: "confirms a report or claim"
        case .deny: "denies a report or claim"
        case .decline: "declines to confirm or to comment"
        case .warn: "warns of consequences or dangers"
        case .accuse: "accuses another party"
        case .condemn: "condemns an act"
        case .concern: "expresses concern"
        case .demand: "demands or calls for something"
        case .threaten: "threatens action"
        case .pledge: "promises or commits to something"
        case .admit: "admits something"
        case .report: "a media outlet or report conveys information"
        }
    }
}
