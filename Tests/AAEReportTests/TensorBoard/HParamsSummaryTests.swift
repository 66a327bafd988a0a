import AAEReport
import Foundation
import SwiftProtobuf
import XCTest

/// The HParams plugin's data as the event files hold it: the sweep's experiment and
/// each run's session start and end.
final class HParamsSummaryTests: XCTestCase {
    private func events(_ url: URL) throws -> [Tensorboard_Event] {
        try TFRecord.records(in: Data(contentsOf: url)).map { try Tensorboard_Event(serializedBytes: $0) }
    }

    /// The plugin data of an event's one summary value, checked to be an HParams value
    /// with the empty float vector as its tensor, as TensorBoard's own writer makes it.
    private func pluginData(_ event: Tensorboard_Event, tag: String) throws -> Tensorboard_Hparams_HParamsPluginData {
        let values = event.summary.value
        XCTAssertEqual(values.count, 1)
        XCTAssertEqual(values.first?.tag, tag)
        XCTAssertEqual(values.first?.metadata.pluginData.pluginName, "hparams")
        XCTAssertEqual(values.first?.tensor.dtype, .dtFloat)
        XCTAssertEqual(values.first?.tensor.tensorShape.dim.map(\.size), [0])
        return try Tensorboard_Hparams_HParamsPluginData(serializedBytes: values[0].metadata.pluginData.content)
    }

    func testTheExperimentListsEveryKeyWithItsValuesAndEveryMetric() throws {
        let directory = try TemporaryDirectory()
        try HParamsExperimentFile.write(
            hyperparameters: [(name: "optimizer.lr", values: [.number(0.001), .number(0.01)]),
                              (name: "model.prior", values: [.text("gaussian"), .text("mixture")])],
            metrics: ["heldout_recon_mse", "eval/knn_accuracy"], in: directory.url, clock: { 3 })
        let read = try events(TensorBoardLog.url(in: directory.url))
        XCTAssertEqual(read.map(\.fileVersion), ["brain.Event:2", ""])
        let experiment = try pluginData(read[1], tag: "_hparams_/experiment").experiment
        XCTAssertEqual(experiment.hparamInfos.map(\.name), ["optimizer.lr", "model.prior"])
        XCTAssertEqual(experiment.hparamInfos.map(\.type), [.float64, .string])
        XCTAssertEqual(experiment.hparamInfos[0].domainDiscrete.values.map(\.numberValue), [0.001, 0.01])
        XCTAssertEqual(experiment.hparamInfos[1].domainDiscrete.values.map(\.stringValue), ["gaussian", "mixture"])
        XCTAssertEqual(experiment.metricInfos.map(\.name.tag), ["heldout_recon_mse", "eval/knn_accuracy"])
    }

    func testASessionStartsWithItsValuesAndEndsWithItsStatus() throws {
        let directory = try TemporaryDirectory()
        var time = 9.0
        let log = try TensorBoardLog(directory: directory.url, clock: { time += 1; return time })
        try log.writeSessionStart(hyperparameters: [(name: "optimizer.lr", value: .number(0.002)),
                                                    (name: "model.bn", value: .bool(true))])
        try log.writeSessionEnd(status: .failure, step: 30)
        let read = try events(log.url)
        XCTAssertEqual(read.map(\.step), [0, 0, 30])
        let start = try pluginData(read[1], tag: "_hparams_/session_start_info").sessionStartInfo
        XCTAssertEqual(start.hparams["optimizer.lr"]?.numberValue, 0.002)
        XCTAssertEqual(start.hparams["model.bn"]?.boolValue, true)
        XCTAssertEqual(start.startTimeSecs, 11)
        let end = try pluginData(read[2], tag: "_hparams_/session_end_info").sessionEndInfo
        XCTAssertEqual(end.status, .failure)
        XCTAssertEqual(end.endTimeSecs, 12)
    }

    func testASessionsBytesDoNotDependOnTheOrderOfItsValues() throws {
        let values: [(name: String, value: HParamValue)] = (0..<12).map { (name: "key\($0)", value: .number(Double($0))) }
        var files: [Data] = []
        for order in [values, values.reversed()] {
            let directory = try TemporaryDirectory()
            let log = try TensorBoardLog(directory: directory.url, clock: { 1 })
            try log.writeSessionStart(hyperparameters: order)
            files.append(try Data(contentsOf: log.url))
        }
        XCTAssertEqual(files[0], files[1])
    }

    func testAColumnOfLabelsGetsOneTypeForAllItsValues() {
        XCTAssertEqual(HParamValue.column(["0.001", "1e-4", "20"]), [.number(0.001), .number(0.0001), .number(20)])
        XCTAssertEqual(HParamValue.column(["true", "false"]), [.bool(true), .bool(false)])
        XCTAssertEqual(HParamValue.column(["2", "gaussian"]), [.text("2"), .text("gaussian")])
        XCTAssertEqual(HParamValue.column(["[512, 512]"]), [.text("[512, 512]")])
    }
}
