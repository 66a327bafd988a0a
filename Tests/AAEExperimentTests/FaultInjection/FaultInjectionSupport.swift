import AAEExperiment
import Foundation
import XCTest

/// A VAE on 400 synthetic moons points with 8-unit networks: a run of a few
/// dozen steps takes a fraction of a second, and it needs no data files.
func tinyMoonsExperiment(name: String = "tiny_moons", steps: Int = 40, extra: String = "") -> String {
    """
    name: \(name)
    seed: 3
    data: {dataset: moons, noise: 0.1, count: 400, test_count: 100}
    model:
      kind: vae
      latent_dim: 2
      encoder: [dense 8, relu]
      decoder: [dense 8, relu, dense input]
    loss: {reconstruction: mse}
    optimizer: {kind: adam, lr: 0.003}
    training: {steps: \(steps), batch_size: 50, log_every: 10, checkpoint_every: 10}
    eval: {parzen_samples: 200}
    \(extra)
    """
}

/// What a finished `aae-run` child process left: its exit status and output.
struct ChildOutcome {
    let status: Int32
    /// Whether a signal ended it.
    let killed: Bool
    let stdout: String
    let stderr: String

    /// The lines of stderr.
    var errorLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// The built `aae-run` binary in a child process, as a user would run it.
enum AAERunChild {
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

    /// Starts `aae-run arguments` in `directory`; stdout and stderr go to files read by `wait`.
    static func start(_ arguments: [String], in directory: URL) throws -> (Process, output: URL, errors: URL) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        process.environment = environment
        let output = directory.appendingPathComponent(".child-\(UUID().uuidString).out")
        let errors = directory.appendingPathComponent(".child-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        return (process, output, errors)
    }

    /// Waits for a started child and collects what it printed.
    static func wait(_ child: (Process, output: URL, errors: URL)) -> ChildOutcome {
        child.0.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: child.output)
            try? FileManager.default.removeItem(at: child.errors)
        }
        return ChildOutcome(status: child.0.terminationStatus, killed: child.0.terminationReason == .uncaughtSignal,
                            stdout: (try? String(contentsOf: child.output, encoding: .utf8)) ?? "",
                            stderr: (try? String(contentsOf: child.errors, encoding: .utf8)) ?? "")
    }

    /// Runs `aae-run arguments` in `directory` to its end.
    static func run(_ arguments: [String], in directory: URL) throws -> ChildOutcome {
        wait(try start(arguments, in: directory))
    }

    /// Waits until `file` exists or the process has ended.
    static func waitFor(_ file: URL, while process: Process) {
        while process.isRunning && !FileManager.default.fileExists(atPath: file.path) { usleep(1_000) }
    }
}

/// The bytes of every file under a folder, by relative path (a folder as
/// empty bytes): two snapshots are equal when no file was added, removed or changed.
///
/// The lock file is left out: taking a folder's lock writes the taker's
/// process id into it, and the lock is what makes checking the folder safe.
func folderSnapshot(_ directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let paths = try FileManager.default.subpathsOfDirectory(atPath: directory.path)
    for path in paths where !path.hasSuffix(FolderLock.fileName) && !path.contains("/.child-") && !path.hasPrefix(".child-") {
        let url = directory.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            files[path] = Data()
            continue
        }
        files[path] = try Data(contentsOf: url)
    }
    return files
}

/// Asserts that `directory` holds exactly the files of `before`, naming those that differ.
func assertUnchanged(_ directory: URL, since before: [String: Data], _ context: String = "",
                     file: StaticString = #filePath, line: UInt = #line) throws {
    let after = try folderSnapshot(directory)
    let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    XCTAssertEqual(changed, [], "\(context): files added, removed or changed", file: file, line: line)
}

/// A tmpfs mounted for one test (which needs root); the test is skipped with a
/// message where it cannot be mounted.
final class TemporaryMount {
    let url: URL

    init(sizeKiB: Int) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aae-tmpfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard getuid() == 0, Self.mount(["-t", "tmpfs", "-o", "size=\(sizeKiB)k", "tmpfs", url.path]) else {
            try? FileManager.default.removeItem(at: url)
            print("skipped: a tmpfs cannot be mounted here (needs root and mount(8))")
            throw XCTSkip("a tmpfs cannot be mounted here (needs root and mount(8))")
        }
    }

    /// Makes the file system read-only.
    func remountReadOnly() throws {
        guard Self.mount(["-o", "remount,ro", url.path]) else { throw XCTSkip("cannot remount \(url.path) read-only") }
    }

    deinit {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/umount")
        process.arguments = [url.path]
        try? process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: url)
    }

    private static func mount(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/mount")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
