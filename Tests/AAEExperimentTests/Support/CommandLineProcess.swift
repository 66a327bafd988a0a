import Foundation
import XCTest

/// The built `aae-run` binary run in a child process, as a user runs it.
enum CommandLineProcess {
    /// What a finished child printed and returned.
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// `aae-run` beside the test bundle (the same build), else in .build/release.
    static func binary() throws -> URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [testBinary.deletingLastPathComponent().appendingPathComponent("aae-run"),
                          Repository.root.appendingPathComponent(".build/release/aae-run")]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("aae-run is not built (looked in \(candidates.map(\.path)))")
        }
        return found
    }

    /// A child running `executable` (default `aae-run`) with `arguments` in `directory`, started.
    static func start(_ arguments: [String], in directory: URL, executable: URL? = nil,
                      stdout: Pipe = Pipe(), stderr: Pipe = Pipe()) throws -> Process {
        let process = Process()
        process.executableURL = try executable ?? binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return process
    }

    /// Runs `aae-run` with `arguments` in `directory` to its end.
    static func run(_ arguments: [String], in directory: URL, executable: URL? = nil) throws -> Outcome {
        let out = Pipe(), err = Pipe()
        let process = try start(arguments, in: directory, executable: executable, stdout: out, stderr: err)
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                       stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
