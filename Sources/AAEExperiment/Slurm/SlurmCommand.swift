import Foundation

/// Runs one of SLURM's client commands (`sbatch`, `squeue`, `scontrol`) and
/// returns what it printed; SLURM is reached only through them, so no library
/// of Slurm's is linked and the cluster's own configuration (SLURM_CONF) applies.
enum SlurmCommand {
    /// The output of `tool arguments`.
    /// - Throws: `SlurmError` when the tool is not installed or exits non-zero, with its message.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        guard let executable = find(tool) else {
            throw SlurmError("`\(tool)` is not on PATH: run this where SLURM's client commands are installed (a login node)")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: complaint, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            throw SlurmError("`\(tool) \(arguments.joined(separator: " "))` failed (exit \(process.terminationStatus)): \(message)")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    /// The executable `tool` on PATH, nil when there is none.
    static func find(_ tool: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(tool) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
