import AAECore
import XCTest

/// A model's step metrics: declared names in order, written through slots, read as pairs or by name.
final class StepMetricsTests: XCTestCase {
    func testMetricsReadAsNameValuePairsInDeclarationOrder() {
        var declarations = StepMetrics.Declarations()
        let loss = declarations.declare("loss"), accuracy = declarations.declare("acc")
        let metrics = StepMetrics(declarations)
        metrics[accuracy] = 0.75
        metrics[loss] = 2.5
        XCTAssertEqual(metrics.names, ["loss", "acc"])
        XCTAssertEqual(metrics.map(\.name), ["loss", "acc"])
        XCTAssertEqual(metrics.map(\.value), [2.5, 0.75])
    }

    func testAMetricStartsAtZeroAndKeepsOnlyItsLatestValue() {
        var declarations = StepMetrics.Declarations()
        let loss = declarations.declare("loss")
        let metrics = StepMetrics(declarations)
        XCTAssertEqual(metrics[loss], 0)
        metrics[loss] = 1
        metrics[loss] = 3
        XCTAssertEqual(metrics.count, 1)
        XCTAssertEqual(metrics[loss], 3)
    }

    func testANameFindsItsMetricAndAnUndeclaredNameFindsNone() {
        var declarations = StepMetrics.Declarations()
        _ = declarations.declare("d_loss")
        let accuracy = declarations.declare("d_acc")
        let metrics = StepMetrics(declarations)
        metrics[accuracy] = 0.5
        XCTAssertEqual(metrics["d_acc"], 0.5)
        XCTAssertEqual(metrics["d_loss"], 0)
        XCTAssertNil(metrics["g_loss"])
    }

    func testNamesDeclaredAfterTheMetricsAreMadeDoNotChangeThem() {
        var declarations = StepMetrics.Declarations()
        _ = declarations.declare("loss")
        let metrics = StepMetrics(declarations)
        _ = declarations.declare("late")
        XCTAssertEqual(metrics.names, ["loss"])
    }
}
