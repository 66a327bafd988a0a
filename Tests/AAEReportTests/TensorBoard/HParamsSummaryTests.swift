@testable import AAEReport
import Foundation
import SwiftProtobuf
import XCTest

final class HParamsSummaryTests: XCTestCase {
    private func pluginData(_ summary: Tensorboard_Summary) throws -> Tensorboard_Hparams_HParamsPluginData {
        XCTAssertEqual(summary.value.count, 1)
        XCTAssertEqual(summary.value[0].metadata.pluginData.pluginName, "hparams")
        XCTAssertEqual(summary.value[0].tensor.dtype, .dtFloat)
        XCTAssertEqual(summary.value[0].tensor.tensorShape.dim.map(\.size), [0])
        return try Tensorboard_Hparams_HParamsPluginData(serializedBytes: summary.value[0].metadata.pluginData.content)
    }

    func testTheExperimentListsEveryKeyWithItsValuesAndEveryMetric() throws {
        let summary = try HParamsSummary.experiment(
            hyperparameters: [(name: "optimizer.lr", values: [.number(0.001), .number(0.01)]),
                              (name: "model.prior", values: [.text("gaussian"), .text("mixture")])],
            metrics: ["heldout_recon_mse", "eval/knn_accuracy"])
        XCTAssertEqual(summary.value[0].tag, "_hparams_/experiment")
        let experiment = try pluginData(summary).experiment
        XCTAssertEqual(experiment.hparamInfos.map(\.name), ["optimizer.lr", "model.prior"])
        XCTAssertEqual(experiment.hparamInfos.map(\.type), [.float64, .string])
        XCTAssertEqual(experiment.hparamInfos[0].domainDiscrete.values.map(\.numberValue), [0.001, 0.01])
        XCTAssertEqual(experiment.hparamInfos[1].domainDiscrete.values.map(\.stringValue), ["gaussian", "mixture"])
        XCTAssertEqual(experiment.metricInfos.map(\.name.tag), ["heldout_recon_mse", "eval/knn_accuracy"])
    }

    func testASessionStartsWithItsValuesAndEndsWithItsStatus() throws {
        let start = try pluginData(HParamsSummary.sessionStart(
            hyperparameters: [(name: "optimizer.lr", value: .number(0.002)), (name: "model.bn", value: .bool(true))],
            startTime: 10)).sessionStartInfo
        XCTAssertEqual(start.hparams["optimizer.lr"]?.numberValue, 0.002)
        XCTAssertEqual(start.hparams["model.bn"]?.boolValue, true)
        XCTAssertEqual(start.startTimeSecs, 10)
        let end = try pluginData(HParamsSummary.sessionEnd(status: .failure, endTime: 11)).sessionEndInfo
        XCTAssertEqual(end.status, .failure)
        XCTAssertEqual(end.endTimeSecs, 11)
    }

    func testASessionsBytesDoNotDependOnDictionaryOrder() throws {
        let values: [(name: String, value: HParamValue)] = (0..<12).map { (name: "key\($0)", value: .number(Double($0))) }
        let forward = try HParamsSummary.sessionStart(hyperparameters: values, startTime: 1).deterministicBytes()
        let backward = try HParamsSummary.sessionStart(hyperparameters: values.reversed(), startTime: 1).deterministicBytes()
        XCTAssertEqual(forward, backward)
    }

    func testAColumnOfLabelsGetsOneTypeForAllItsValues() {
        XCTAssertEqual(HParamValue.column(["0.001", "1e-4", "20"]), [.number(0.001), .number(0.0001), .number(20)])
        XCTAssertEqual(HParamValue.column(["true", "false"]), [.bool(true), .bool(false)])
        XCTAssertEqual(HParamValue.column(["2", "gaussian"]), [.text("2"), .text("gaussian")])
        XCTAssertEqual(HParamValue.column(["[512, 512]"]), [.text("[512, 512]")])
    }

    func testTheSweepExperimentFileHoldsTheVersionAndTheExperiment() throws {
        let directory = try TemporaryDirectory()
        try HParamsExperimentFile.write(hyperparameters: [(name: "seed", values: [.number(1), .number(2)])],
                                        metrics: ["d_loss"], in: directory.url, clock: { 3 })
        let records = try TFRecord.records(in: Data(contentsOf: TensorBoardLog.url(in: directory.url)))
        let events = try records.map { try Tensorboard_Event(serializedBytes: $0) }
        XCTAssertEqual(events.map(\.fileVersion), ["brain.Event:2", ""])
        XCTAssertEqual(events[1].summary.value[0].tag, "_hparams_/experiment")
        XCTAssertEqual(try pluginData(events[1].summary).experiment.hparamInfos.map(\.name), ["seed"])
    }
}
