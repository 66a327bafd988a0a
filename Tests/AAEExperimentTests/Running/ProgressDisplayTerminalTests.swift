import Foundation
import XCTest

/// `aae-run run` in a pseudo-terminal (util-linux `script`) and with stderr in a pipe:
/// a bar redrawn in place on the terminal, one line per log step otherwise.
final class ProgressDisplayTerminalTests: XCTestCase {
    private let moons = """
        name: moons
        seed: 2
        data: {dataset: moons, count: 200, test_count: 100}
        model:
          kind: autoencoder
          latent_dim: 2
          encoder: [dense 16, relu, dense latent]
          decoder: [dense 16, relu, dense input]
        optimizer: {kind: adam, lr: 0.01}
        training: {steps: 60, batch_size: 16, log_every: 10}
        eval: {parzen_samples: 0}
        report: {plots: [losses], eval: false}

        """

    private func binary() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [testBinary.deletingLastPathComponent().appendingPathComponent("aae-run"),
                          Bundle(for: Self.self).bundleURL.deletingLastPathComponent().appendingPathComponent("aae-run"),
                          Repository.root.appendingPathComponent(".build/release/aae-run")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("aae-run is not built (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    /// Runs `executable` with `arguments` and returns what it wrote to stdout and stderr.
    private func output(of executable: String, _ arguments: [String]) throws -> (stdout: String, stderr: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self), process.terminationStatus)
    }

    private func workspace() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aae-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try moons.write(to: directory.appendingPathComponent("moons.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    func testATerminalGetsOneBarRedrawnInPlace() throws {
        let script = "/usr/bin/script"
        guard FileManager.default.isExecutableFile(atPath: script) else { throw XCTSkip("util-linux script is not installed") }
        let aaeRun = try binary()
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let command = [aaeRun.path, "run", directory.appendingPathComponent("moons.yaml").path,
                       "--out", directory.appendingPathComponent("out").path].map { "'\($0)'" }.joined(separator: " ")
        let result = try output(of: script, ["-qec", command, "/dev/null"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let bars = result.stdout.components(separatedBy: "\r").filter { $0.contains("/60 [") }
        XCTAssertEqual(bars.count, 6, "one redraw per log step: \(result.stdout.debugDescription)")
        XCTAssertTrue(bars[0].hasPrefix("10/60 [=====>"), bars[0])
        XCTAssertTrue(bars.allSatisfy { $0.contains("ETA ") && $0.contains("\u{1B}[K") })
        XCTAssertTrue(bars[5].hasPrefix("60/60 [==============================] 100%  ETA 0:00"), bars[5])
        XCTAssertFalse(result.stdout.contains("step 10/60"), "no log lines on a terminal")
        let afterBar = try XCTUnwrap(result.stdout.components(separatedBy: "\u{1B}[K").last)
        XCTAssertTrue(afterBar.hasPrefix("\r\n") || afterBar.hasPrefix("\n"), "the summary starts on a line of its own")
    }

    func testAPipeGetsOneLinePerLogStepWithTheTimeLeft() throws {
        let directory = try workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try output(of: try binary().path, ["run", directory.appendingPathComponent("moons.yaml").path,
                                                        "--out", directory.appendingPathComponent("out").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stderr.split(separator: "\n").filter { $0.hasPrefix("step ") }
        XCTAssertEqual(lines.count, 6, result.stderr)
        XCTAssertFalse(result.stderr.contains("\r"))
        XCTAssertTrue(lines.allSatisfy { $0.contains(" steps/s  ETA ") }, result.stderr)
        XCTAssertTrue(lines.last!.hasSuffix("ETA 0:00"), String(lines.last!))
    }
}
