// Release-mode benchmarks, run on demand (`make bench`, `make bench-analyzer`, `make bench-query`), never as tests:
// the machines are shared and noisy, so figures are medians of several runs
// and the reference is timed side by side on the same text.
import Foundation
import IsnadText

func usage() -> Never {
    FileHandle.standardError.write(
        Data(
            """
            usage: isnad-bench analyzer TEXT_FILE [--runs N] [--reference PATH/TO/refanalyzer.py]
              Times the Arabic analyzer (and the automatic one) over the text, one core,
              and the reference analyzer on the same text when --reference is given.
                   isnad-bench query [docs/query-language.md]
              Times lex + parse + check of the documented queries, and of 1 MB inputs.
                   isnad-bench store --corpus DIR --store DIR [--runs 30] [--warmup 3] [--json FILE]
                                     [--anchors anchors.json] [--isnad PATH] [--skip-import]
              Imports the corpus's entities and statements, times its queries.txt as
              anchors.py does, the cold start of PATH (the isnad binary), and prints the
              anchors' figures beside Isnad's when --anchors names their results.
                   isnad-bench checksums CORPUS_DIR STORE_DIR [--runs 15]
              Times the corpus's queries.txt (every row built) and a read of every
              record on a store of format 8, with record checksums verified and not.

            """.utf8))
    exit(2)
}

func seconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

/// Peak resident memory of this process, from /proc.
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kB = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return .nan }
    return kB / 1024
}

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "store" {
    var bench = StoreBench(corpus: "", store: "")
    var i = 1
    func value() -> String {
        guard i + 1 < arguments.count else { usage() }
        i += 2
        return arguments[i - 1]
    }
    while i < arguments.count {
        switch arguments[i] {
        case "--corpus": bench.corpus = value()
        case "--store": bench.store = value()
        case "--runs": bench.runs = Int(value()) ?? 30
        case "--warmup": bench.warmup = Int(value()) ?? 3
        case "--json": bench.json = value()
        case "--anchors": bench.anchors = value()
        case "--isnad": bench.binary = value()
        case "--skip-import":
            bench.skipImport = true
            i += 1
        default: usage()
        }
    }
    guard !bench.corpus.isEmpty, !bench.store.isEmpty else { usage() }
    do {
        try bench.run()
    } catch {
        FileHandle.standardError.write(Data("isnad-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if arguments.first == "checksums", arguments.count >= 3 {
    var bench = ChecksumBench(corpus: arguments[1], store: arguments[2])
    if arguments.count >= 5, arguments[3] == "--runs" { bench.runs = Int(arguments[4]) ?? bench.runs }
    do {
        try bench.run()
    } catch {
        FileHandle.standardError.write(Data("isnad-bench: \(error)\n".utf8))
        exit(1)
    }
    exit(0)
}
if arguments.first == "query" {
    queryBench(docs: arguments.count > 1 ? arguments[1] : "docs/query-language.md", runs: 7)
    exit(0)
}
guard arguments.first == "analyzer", arguments.count >= 2 else { usage() }
let path = arguments[1]
var runs = 7
var reference: String?
var k = 2
while k < arguments.count {
    switch arguments[k] {
    case "--runs" where k + 1 < arguments.count:
        runs = Int(arguments[k + 1]) ?? runs
        k += 2
    case "--reference" where k + 1 < arguments.count:
        reference = arguments[k + 1]
        k += 2
    default: usage()
    }
}
guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("isnad-bench: cannot read \(path)\n".utf8))
    exit(1)
}
let text = String(decoding: data, as: UTF8.self)
let megabytes = Double(data.count) / 1e6
print("text: \(path), \(String(format: "%.1f", megabytes)) MB, \(runs) runs each, medians")

for (name, analyzer) in [
    ("Arabic analyzer (--lang ar)", Analyzer(language: .arabic)),
    ("automatic routing (--lang auto)", Analyzer()),
] {
    var tokens = 0
    var bytes = 0
    var times: [Double] = []
    for _ in 0..<runs {
        tokens = 0
        bytes = 0
        times.append(
            seconds {
                analyzer.forEachToken(in: text) { token in
                    tokens += 1
                    bytes &+= token.term.utf8.count
                }
            })
    }
    let m = median(times)
    print(
        "\(name): \(tokens) tokens, median \(String(format: "%.3f", m)) s, "
            + "\(String(format: "%.1f", megabytes / m)) MB/s (min \(String(format: "%.3f", times.min() ?? 0)) s, max \(String(format: "%.3f", times.max() ?? 0)) s)"
    )
}

if let reference {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", reference]
    process.standardInput = FileHandle(forReadingAtPath: path)
    process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
    let time = seconds {
        do { try process.run() } catch {
            print("reference: cannot run python3: \(error)")
            return
        }
        process.waitUntilExit()
    }
    print(
        "reference (python3 refanalyzer.py, one run): \(String(format: "%.3f", time)) s, "
            + "\(String(format: "%.1f", megabytes / time)) MB/s")
}
print("peak memory: \(String(format: "%.0f", peakMemoryMiB())) MiB (the text itself: \(String(format: "%.0f", megabytes)) MB, held twice)")
