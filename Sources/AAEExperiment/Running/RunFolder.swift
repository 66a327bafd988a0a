import AAECore
import AAEReport
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a run writes to, opened in two stages so that a refused run
/// leaves it exactly as it was.
///
/// `init` takes the folder's lock and checks everything that can refuse the
/// run — a folder that holds a run of another experiment, a checkpoint that
/// cannot be read or was written by other settings — without writing a file
/// (apart from creating a missing folder and its lock file). `begin`, called
/// once the run has also checked the checkpoint against its model, then
/// writes config.resolved.yaml and clears what an earlier run left that this
/// one might not rewrite: its figures, eval.csv, its exported weights and
/// codes, status.csv, the temporary
/// files of writes a kill cut short and, for a run that starts at step 1,
/// metrics.csv, checkpoint.bin and the snapshots (a resumed run keeps the
/// snapshots it took before it stopped). So a folder never shows figures the
/// run did not draw.
final class RunFolder {
    static let configurationFileName = RunFolderLayout.configurationFileName
    /// The files a run writes besides config.resolved.yaml, status.csv, checkpoint.bin and
    /// metrics.csv, which a resumed run keeps.
    static let resultFileNames = [RunFolderLayout.evaluationFileName] + RunFigures.fileNames
        + [RunFolderLayout.weightsFileName, RunFolderLayout.codesFileName, RunFolderLayout.labelsFileName]

    let directory: URL
    /// The names of the folder's files.
    var layout: RunFolderLayout { RunFolderLayout(directory) }
    /// The checkpoint the run continues from; nil when it starts at step 1.
    let checkpoint: Checkpoint?
    private let lock: FolderLock
    private let configuration: String
    /// Whether `begin` has run: from then on the folder holds this run's files.
    private(set) var hasBegun = false

    /// Opens `directory` for a run of `experiment`, whose resolved YAML is
    /// `configuration`.
    ///
    /// - Parameters:
    ///   - resume: continue from the folder's checkpoint when there is one.
    ///   - overwrite: replace the run of another experiment the folder holds.
    /// - Throws: `FolderLockError` when another process uses the folder,
    ///   `RunError` when it holds another experiment's run (without
    ///   `overwrite`) or a checkpoint this run cannot continue from.
    init(directory: URL, experiment: Experiment, configuration: String, resume: Bool, overwrite: Bool) throws {
        self.directory = directory
        self.configuration = configuration
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw RunError("cannot create the run folder \(directory.path): \(Self.reason(error)); "
                           + "choose another folder with --out")
        }
        lock = try FolderLock(directory: directory)
        if !overwrite, let other = Self.otherExperiment(in: directory, name: experiment.name, configuration: configuration) {
            lock.release()
            throw RunError("\(directory.path) holds a run of \(other); write elsewhere with --out, "
                           + "or replace that run with --overwrite")
        }
        do {
            checkpoint = resume ? try RunCheckpointFile.load(in: directory) : nil
            if let checkpoint, checkpoint.configuration != configuration {
                throw RunError("\(RunCheckpointFile.url(in: directory).path) was written by another experiment "
                               + "(its config differs from this run's); delete it to start the run again")
            }
        } catch {
            lock.release()
            throw error
        }
    }

    /// Writes config.resolved.yaml and removes the files of an earlier run
    /// that this one might not rewrite; the run is committed to the folder from here on.
    func begin() throws {
        try AtomicFile.write(configuration, to: layout.configuration)
        hasBegun = true
        var stale = [RunFolderLayout.statusFileName] + Self.resultFileNames
        if checkpoint == nil { stale += [RunFolderLayout.metricsFileName, RunFolderLayout.checkpointFileName] }
        for name in stale + Self.orphanedTemporaryFiles(in: directory) {
            Self.removeFile(directory.appendingPathComponent(name))
        }
        if checkpoint == nil {
            for url in RunSnapshots.earlierFiles(in: directory) { Self.removeFile(url) }
        }
    }

    /// Removes `url` when it is a file; a folder of that name is left for the run's write to report.
    private static func removeFile(_ url: URL) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return }
        try? FileManager.default.removeItem(at: url)
    }

    /// Releases the folder's lock.
    func release() { lock.release() }

    /// The temporary files `AtomicFile` leaves when its process is killed
    /// mid-write (`.<name>.tmp-XXXXXX`) of the files a run writes; with the
    /// lock held, none of them belongs to a write in progress.
    static func orphanedTemporaryFiles(in directory: URL) -> [String] {
        let names = [configurationFileName, RunFolderLayout.statusFileName, RunFolderLayout.checkpointFileName,
                     RunFolderLayout.metricsFileName, RunFolderLayout.environmentFileName] + resultFileNames
        let prefixes = names.map { ".\($0).tmp-" }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { entry in prefixes.contains { entry.hasPrefix($0) } }.sorted()
    }

    /// A description of the other experiment whose run `directory` holds; nil
    /// when it holds none, or a run of the experiment called `name`.
    private static func otherExperiment(in directory: URL, name: String, configuration: String) -> String? {
        let file = RunFolderLayout(directory).configuration
        guard let text = try? String(contentsOf: file, encoding: .utf8), text != configuration else { return nil }
        guard let existing = try? ExperimentReader.parse(Data(text.utf8), file: file.path) else {
            return "an experiment this version cannot read (its \(configurationFileName) is invalid)"
        }
        return existing.name == name ? nil : "another experiment, `\(existing.name)`"
    }

    /// The system's reason for a failed file operation and its fix, without Foundation's error dump.
    private static func reason(_ error: Error) -> String {
        FileErrorMessage.reason(for: error)
    }
}
