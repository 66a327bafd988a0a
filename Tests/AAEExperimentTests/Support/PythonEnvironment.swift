import Foundation

/// The Python interpreter of the interoperability tests: `$AAE_PYTHON`, else
/// the repository's `.venv/bin/python` (`make pyenv` makes it), used only
/// when it imports the modules a test reads files with.
enum PythonEnvironment {
    /// The interpreter, or nil with the reason when there is none or it lacks one of `modules`.
    static func interpreter(importing modules: [String]) -> (url: URL?, reason: String) {
        let path = ProcessInfo.processInfo.environment["AAE_PYTHON"]
            ?? Repository.root.appendingPathComponent(".venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return (nil, "\(path) does not exist (run `make pyenv`)")
        }
        let url = URL(fileURLWithPath: path)
        let check = try? run(url, ["-c", "import " + modules.joined(separator: ", ")])
        guard check?.status == 0 else {
            return (nil, "\(path) cannot import \(modules.joined(separator: ", ")) (run `make pyenv`)")
        }
        return (url, "")
    }

    /// Runs the interpreter with `arguments`; returns its exit status, stdout and stderr.
    static func run(_ python: URL, _ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = python
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self),
                String(decoding: errorData, as: UTF8.self))
    }
}
