import ArgumentParser

@main
struct IsnadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "isnad")
}
