import AAECore
import AAEExperiment
import Foundation
import XCTest

/// Random mutations of the shipped experiment files: whatever the bytes, the
/// reader returns an experiment or diagnostics that point inside the file —
/// never a crash, a hang or another kind of error — and a valid mutant's
/// resolved YAML reads back as the same experiment.
final class FuzzTests: XCTestCase {
    private static let iterations = 4_000
    private static let replacementValues = [
        "[]", "{}", "7", "-1", "0", "true", "~", "abc", "[1, 2]", "{a: 1}", "0.5", "\"\"", "1e999", "nan",
        "dense 3", "[dense 3, relu]", "'quoted: text'", "&anchor 3", "*anchor", "!!binary aGk=", "|\n  block", "99999999999999999999",
    ]
    private static let syntaxCharacters: [Character] = [":", "-", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">",
                                                        "'", "\"", "%", "@", "`", ",", "?", " "]

    func testRandomMutationsAlwaysGiveAnExperimentOrDiagnostics() throws {
        let originals = try shippedExperimentPaths().map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        var random = RandomGenerator(seed: 2015, stream: 11)
        var accepted = 0, rejected = 0
        let start = Date()
        for iteration in 0..<Self.iterations {
            var data = originals[random.nextInt(below: originals.count)]
            for _ in 0...random.nextInt(below: 3) { data = mutate(data, random: &random) }
            let lineCount = data.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            do {
                let experiment = try ExperimentReader.parse(data, file: "fuzz.yaml")
                accepted += 1
                let resolved = resolvedYAML(experiment)
                let reread = try ExperimentReader.parse(Data(resolved.utf8), file: "resolved.yaml")
                assertSameExperiment(reread, experiment, "iteration \(iteration)")
            } catch let errors as ConfigErrors {
                rejected += 1
                XCTAssertFalse(errors.diagnostics.isEmpty, "iteration \(iteration)")
                for diagnostic in errors.diagnostics {
                    XCTAssertFalse(diagnostic.message.isEmpty, "iteration \(iteration)")
                    XCTAssertTrue((0...lineCount).contains(diagnostic.line), "iteration \(iteration): \(diagnostic)")
                    XCTAssertEqual(diagnostic.file, "fuzz.yaml", "iteration \(iteration)")
                }
            } catch {
                XCTFail("iteration \(iteration): unexpected error \(error)\n\(String(decoding: data, as: UTF8.self))")
            }
        }
        XCTAssertGreaterThan(accepted, Self.iterations / 20, "too few mutants are valid to test the round trip")
        XCTAssertGreaterThan(rejected, Self.iterations / 2)
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    /// One random edit: delete, duplicate or swap lines, swap two values, change
    /// a value's type, insert a tab or a YAML syntax character, or cut the file
    /// at a random byte.
    private func mutate(_ data: Data, random: inout RandomGenerator) -> Data {
        let choice = random.nextInt(below: 8)
        if choice == 0 || data.isEmpty { return data.prefix(random.nextInt(below: data.count + 1)) }
        guard let text = String(data: data, encoding: .utf8) else { return data }
        var lines = text.components(separatedBy: "\n")
        let index = random.nextInt(below: lines.count)
        let other = random.nextInt(below: lines.count)
        switch choice {
        case 1:
            lines.remove(at: index)
        case 2:
            lines.insert(lines[index], at: other)
        case 3:
            lines.swapAt(index, other)
        case 4:
            guard let (key, value) = split(lines[index]), let (otherKey, otherValue) = split(lines[other]) else { break }
            lines[index] = key + otherValue
            lines[other] = otherKey + value
        case 5:
            guard let (key, _) = split(lines[index]) else { break }
            lines[index] = key + Self.replacementValues[random.nextInt(below: Self.replacementValues.count)]
        case 6:
            lines[index] = inserting("\t", into: lines[index], random: &random)
        default:
            let character = Self.syntaxCharacters[random.nextInt(below: Self.syntaxCharacters.count)]
            lines[index] = inserting(character, into: lines[index], random: &random)
        }
        return Data(lines.joined(separator: "\n").utf8)
    }

    /// `key: ` and the value of a `key: value` line.
    private func split(_ line: String) -> (String, String)? {
        guard let colon = line.range(of: ": ") else { return nil }
        return (String(line[..<colon.upperBound]), String(line[colon.upperBound...]))
    }

    private func inserting(_ character: Character, into line: String, random: inout RandomGenerator) -> String {
        var characters = Array(line)
        characters.insert(character, at: random.nextInt(below: characters.count + 1))
        return String(characters)
    }
}
