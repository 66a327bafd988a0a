import AAEExperiment
import AAEReport
import Foundation
import XCTest

/// The run-folder layout names every file a run writes, and the run status words read
/// and write through `RunState` only.
final class RunFolderLayoutTests: XCTestCase {
    func testEveryFileARunWritesIsNamedByTheLayout() throws {
        let workspace = try SweepWorkspace()
        let experiment = try ExperimentReader.parse(Data(tinySweepExperiment.components(separatedBy: "sweep:\n")[0].utf8),
                                                    file: "tiny.yaml",
                                                    overrides: [try Override(parsing: "report.snapshot_every=30")])
        let folder = workspace.url.appendingPathComponent("run")
        let options = RunOptions(outputDirectory: folder.path, dataDirectory: SweepWorkspace.dataDirectory.path,
                                 quiet: true)
        XCTAssertEqual(try ExperimentRunner(experiment: experiment, options: options).run().status, .completed)

        let layout = RunFolderLayout(folder)
        let named = [layout.metrics, layout.evaluation, layout.configuration, layout.checkpoint, layout.status,
                     layout.environment, layout.lock, layout.tensorBoard, layout.snapshots, layout.snapshotSheet, layout.weights,
                     layout.codes, layout.labels]
            + RunFigures.fileNames.map(layout.file)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(Set(written).subtracting(named.map(\.lastPathComponent)), [],
                       "a file of the run folder that the layout does not name")
        for url in [layout.metrics, layout.evaluation, layout.configuration, layout.checkpoint, layout.status,
                    layout.environment, layout.snapshotSheet, layout.weights, layout.codes, layout.labels] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: url.path), url.lastPathComponent)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: TensorBoardLog.url(in: folder).path))
        XCTAssertEqual(RunRecord.read(in: folder)?.status, .completed)
    }

    func testAStatusFileWithAWordThatIsNoRunStateReadsAsNoRecord() throws {
        let workspace = try SweepWorkspace()
        for state in RunState.allCases {
            try RunRecord(status: state, wallTimeSeconds: 1.25).write(in: workspace.url)
            XCTAssertEqual(RunRecord.read(in: workspace.url)?.status, state)
            XCTAssertEqual(RunState(word: state.word), state)
        }
        try CSVTable(header: ["status", "diverged_at_step", "wall_time_s", "error"], rows: [["finished", "", "1", ""]])
            .write(to: RunFolderLayout(workspace.url).status)
        XCTAssertNil(RunRecord.read(in: workspace.url))
        XCTAssertEqual(RunState.allCases.filter(\.isFinished), [.completed, .diverged])
    }
}
