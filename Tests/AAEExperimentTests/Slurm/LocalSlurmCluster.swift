import Foundation
import XCTest

/// The SLURM cluster the SLURM tests submit to: the one SLURM_CONF names, else
/// the one `scripts/local-slurm.sh start` brought up in .slurm-local/. Tests
/// skip, saying so, when neither answers.
enum LocalSlurmCluster {
    /// The configuration file, exported to SLURM_CONF for the commands the tests start; nil when there is none.
    static let configuration: String? = {
        let environment = ProcessInfo.processInfo.environment["SLURM_CONF"]
        let local = Repository.root.appendingPathComponent(".slurm-local/etc/slurm.conf").path
        guard let found = [environment, local].compactMap({ $0 }).first(where: { FileManager.default.fileExists(atPath: $0) })
        else { return nil }
        setenv("SLURM_CONF", found, 1)
        return found
    }()

    static let isReachable: Bool = {
        guard configuration != nil, let output = try? run("timeout", ["10", "scontrol", "ping"]) else { return false }
        return output.status == 0 && output.text.contains("UP")
    }()

    /// Skips the test unless a cluster answers.
    static func require() throws {
        guard isReachable else {
            throw XCTSkip("no SLURM cluster reachable (SLURM_CONF=\(configuration ?? "unset")): the SLURM tests need one; "
                          + "start a local one with `scripts/local-slurm.sh start`")
        }
    }

    /// Runs `tool` (looked up on PATH) and returns its exit status and stdout.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The jobs and tasks of `jobIDs` still queued or running, as `id state reason` lines.
    static func queued(_ jobIDs: [String]) throws -> [String] {
        try run("squeue", ["-h", "-j", jobIDs.joined(separator: ","), "-o", "%i %T %r"]).text
            .split(separator: "\n").map(String.init)
    }

    /// Slurm holds a requeued job about two minutes (reason BeginTime); slurmd refuses to start it again
    /// ("already killed, do not launch batch job") while it still remembers the killed instance, so a
    /// requeued job is released only after it has been held this long.
    static let requeueSettlingSeconds: Double = 5

    /// Starts the requeued tasks held since before `settled` now; `heldSince` notes when each was first seen held.
    static func releaseRequeued(_ jobIDs: [String], heldSince: inout [String: Date], settled: Date) throws {
        let held = try queued(jobIDs).filter { $0.hasSuffix(" BeginTime") }.map { String($0.split(separator: " ")[0]) }
        heldSince = heldSince.filter { held.contains($0.key) }
        for id in held {
            let since = heldSince[id] ?? Date()
            heldSince[id] = since
            if since <= settled { try run("scontrol", ["update", "JobId=\(id)", "StartTime=now"]) }
        }
    }

    /// Waits until none of `jobIDs` is queued or running, releasing requeued tasks as they settle.
    static func waitUntilEnded(_ jobIDs: [String], timeout: Double = 240) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var heldSince: [String: Date] = [:]
        while !(try queued(jobIDs)).isEmpty {
            guard Date() < deadline else { throw SlurmTestTimeout(description: "the SLURM jobs \(jobIDs) did not end in \(Int(timeout)) s") }
            try releaseRequeued(jobIDs, heldSince: &heldSince, settled: Date().addingTimeInterval(-requeueSettlingSeconds))
            usleep(300_000)
        }
    }
}

/// A SLURM job that took longer than a test allows.
struct SlurmTestTimeout: Error, CustomStringConvertible {
    let description: String
}
