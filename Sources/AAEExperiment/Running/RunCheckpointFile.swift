import AAECore
import AAEReport
import Foundation

/// Where a run keeps its checkpoint (`checkpoint.bin` in its folder), written
/// atomically so that a kill at any moment leaves the previous checkpoint or
/// the new one, never a mix.
public enum RunCheckpointFile {
    public static let fileName = RunFolderLayout.checkpointFileName

    public static func url(in directory: URL) -> URL {
        RunFolderLayout(directory).checkpoint
    }

    public static func save(_ checkpoint: Checkpoint, in directory: URL) throws {
        try AtomicFile.write(Data(checkpoint.encoded()), to: url(in: directory))
    }

    /// The checkpoint in `directory`, nil when there is none; a file that is
    /// not a valid checkpoint is an error naming it.
    public static func load(in directory: URL) throws -> Checkpoint? {
        let file = url(in: directory)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: file))
        } catch {
            throw RunError("\(file.path): cannot read the checkpoint: \(FileErrorMessage.reason(for: error, path: file.path))")
        }
        do {
            return try Checkpoint(decoding: bytes)
        } catch {
            throw RunError("\(file.path): \(error)")
        }
    }
}
