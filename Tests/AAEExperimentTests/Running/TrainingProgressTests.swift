import AAECore
import AAEExperiment
import XCTest

final class TrainingProgressTests: XCTestCase {
    private let progress = TrainingProgress(step: 500, steps: 10_000,
                                            metrics: [Metric(name: "d_loss", value: 0.69314), Metric(name: "g_loss", value: 1.5)],
                                            heldOutMSE: 0.04123, rate: 123.45, secondsLeft: 77.4)

    func testTheLineKeepsItsFieldsAndEndsWithTheTimeLeft() {
        XCTAssertEqual(progress.line,
                       "step   500/10000  d_loss 0.6931  g_loss 1.5000  heldout_mse 0.0412  123.5 steps/s  ETA 1:17")
    }

    func testTheBarFillsWithTheStepsDone() {
        XCTAssertEqual(progress.bar(columns: 200),
                       "  500/10000 [=>............................]   5%  ETA 1:17  d_loss 0.6931  g_loss 1.5000  "
                       + "heldout_mse 0.0412  123.5 steps/s")
        var done = progress
        done.step = 10_000
        XCTAssertTrue(done.bar(columns: 200).hasPrefix("10000/10000 [==============================] 100%  ETA 0:00  "))
    }

    func testTheBarIsCutToTheTerminalWidthSoItNeverWraps() {
        XCTAssertEqual(progress.bar(columns: 40).count, 39)
        XCTAssertEqual(progress.bar(columns: 40), "  500/10000 [=>" + String(repeating: ".", count: 24))
    }

    func testTimeLeftComesFromThePaceOfTheStepsTrainedSoFar() {
        XCTAssertEqual(TrainingProgress.secondsLeft(step: 600, steps: 1_000, trainedSteps: 100, elapsedSeconds: 10), 40)
        XCTAssertNil(TrainingProgress.secondsLeft(step: 0, steps: 1_000, trainedSteps: 0, elapsedSeconds: 0))
        var unknown = progress
        unknown.secondsLeft = nil
        XCTAssertTrue(unknown.line.hasSuffix("ETA ?"))
        var long = progress
        long.secondsLeft = 3 * 3600 + 4 * 60 + 5
        XCTAssertTrue(long.line.hasSuffix("ETA 3:04:05"))
    }
}
