import AAEExperiment
import AAEReport
import Foundation
import XCTest

final class SweepMetricFigureTests: XCTestCase {
    private let summary = CSVTable(
        header: ["run_id", "model.latent_dim", "prior", "status", "heldout_recon_mse"],
        rows: [["a", "2", "normal", "completed", "0.06"], ["b", "2", "uniform", "completed", "0.059"],
               ["c", "8", "normal", "completed", "0.035"], ["d", "8", "uniform", "failed", ""]])

    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("sweep-figure-\(UUID().uuidString).png")
    }

    func testWritesOnePanelPerSweptParameterAsAReproduciblePNG() throws {
        let first = temporaryFile(), second = temporaryFile()
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        XCTAssertTrue(try SweepMetricFigure.write(summary: summary, keyPaths: ["model.latent_dim", "prior"],
                                                  metric: "heldout_recon_mse", title: "grid", to: first))
        try SweepMetricFigure.write(summary: summary, keyPaths: ["model.latent_dim", "prior"],
                                    metric: "heldout_recon_mse", title: "grid", to: second)
        let png = try Data(contentsOf: first)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertGreaterThan(width, 1000, "two panels side by side")
        XCTAssertEqual(png, try Data(contentsOf: second))
    }

    func testNothingIsWrittenForAMetricTheSummaryLacks() throws {
        let url = temporaryFile()
        XCTAssertFalse(try SweepMetricFigure.write(summary: summary, keyPaths: ["prior"], metric: "eval_knn_accuracy",
                                                   title: "grid", to: url))
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    func testNamesGoOnACategoricalAxisAndSpreadOutNumbersOnALogarithmicOne() throws {
        let table = CSVTable(
            header: ["run_id", "optimizer.lr", "prior.kind", "status", "heldout_recon_mse"],
            rows: [["a", "0.0001", "normal", "completed", "0.06"], ["b", "0.0001", "uniform", "completed", "0.05"],
                   ["c", "0.001", "normal", "completed", "0.04"], ["d", "0.001", "uniform", "completed", "0.03"],
                   ["e", "0.01", "normal", "completed", "0.045"], ["f", "0.01", "uniform", "completed", "0.035"]])
        let panels = SweepMetricFigure.panels(summary: table, keyPaths: ["optimizer.lr", "prior.kind"],
                                              metric: "heldout_recon_mse")
        XCTAssertEqual(panels.count, 2)
        XCTAssertEqual(panels[0].xScale, .logarithmic)
        XCTAssertNil(panels[0].xCategories)
        XCTAssertEqual(panels[0].series.map(\.name), ["kind=normal", "kind=uniform"])
        XCTAssertEqual(panels[0].series[0].xs, [0.0001, 0.001, 0.01], "the values themselves, on a log axis")
        XCTAssertEqual(panels[1].xCategories, ["normal", "uniform"])
        XCTAssertEqual(panels[1].xScale, .linear)
        XCTAssertTrue(panels.allSatisfy { $0.series.allSatisfy(\.showsMarkers) })
        XCTAssertNil(panels[0].series[0].errors, "one run per point: no error bars")
        // Three groups (the learning rates) set apart around each category.
        let offsets = panels[1].series.map { $0.xs[0] }
        XCTAssertEqual(offsets.count, 3)
        XCTAssertLessThan(offsets[0], 0)
        XCTAssertEqual(offsets[1], 0, accuracy: 1e-12)
        XCTAssertGreaterThan(offsets[2], 0)
        XCTAssertLessThan(offsets[2], 0.5)
    }

    func testSeedsAreAveragedWithTheirSpreadAsErrorBars() throws {
        let table = CSVTable(
            header: ["run_id", "model.latent_dim", "seed", "status", "heldout_recon_mse"],
            rows: [["a", "2", "1", "completed", "0.06"], ["b", "2", "2", "completed", "0.08"],
                   ["c", "8", "1", "completed", "0.03"], ["d", "8", "2", "failed", ""],
                   ["e", "8", "3", "completed", "0.05"], ["f", "2", "3", "completed", "0.07"]])
        let panels = SweepMetricFigure.panels(summary: table, keyPaths: ["model.latent_dim", "seed"],
                                              metric: "heldout_recon_mse")
        XCTAssertEqual(panels.count, 1, "the seed is not a parameter of its own")
        let series = try XCTUnwrap(panels.first?.series.first)
        XCTAssertEqual(series.xs, [2, 8])
        XCTAssertEqual(series.ys[0], 0.07, accuracy: 1e-12)
        XCTAssertEqual(series.ys[1], 0.04, accuracy: 1e-12, "the failed run is left out")
        let errors = try XCTUnwrap(series.errors)
        XCTAssertEqual(errors[0], 0.01, accuracy: 1e-12)
        XCTAssertEqual(errors[1], 0.02 / 2.squareRoot() * 1, accuracy: 1e-12)
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        XCTAssertTrue(try SweepMetricFigure.write(summary: table, keyPaths: ["model.latent_dim", "seed"],
                                                  metric: "heldout_recon_mse", title: "seeds", to: url))
    }
}
