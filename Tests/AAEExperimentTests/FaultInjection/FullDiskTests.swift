import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// A run on a file system that fills up: one line naming the file that could
/// not be written, exit status 1, status.csv saying `failed` and why, and no
/// temporary file left behind.
final class FullDiskTests: XCTestCase {
    func testARunOnAFullDiskFailsInOneLineAndRecordsTheFailure() throws {
        let workspace = try SweepWorkspace()
        let mount = try TemporaryMount(sizeKiB: 64)
        let file = try workspace.write("tiny.yaml", tinyMoonsExperiment())
        let folder = mount.url.appendingPathComponent("run")
        // Leave a few pages free: enough for the config, the lock, environment.csv, metrics.csv,
        // the TensorBoard folder and its scalars, and status.csv, not for the figures.
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(count: 32 * 1024).write(to: mount.url.appendingPathComponent("filler"))

        let outcome = try AAERunChild.run(["run", file, "--out", folder.path, "--quiet"], in: workspace.url)
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr)
        XCTAssertEqual(outcome.errorLines.count, 1, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("No space left on device"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("Error Domain="), outcome.stderr)
        let record = try XCTUnwrap(RunRecord.read(in: folder), "status.csv of the failed run")
        XCTAssertEqual(record.status, .failed)
        XCTAssertTrue(record.error.contains("No space left on device"), record.error)
        XCTAssertEqual(RunFolderLeftovers.temporaryFiles(in: folder), [])
    }
}
