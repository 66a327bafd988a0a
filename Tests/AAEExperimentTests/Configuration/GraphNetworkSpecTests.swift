import AAECore
import AAEExperiment
import Foundation
import XCTest

/// Networks written as graphs (`{nodes: …, output: …}`): how they are read,
/// the mistakes reported at their line and key, how `show` writes them back,
/// what `validate` prints, and that they build models that train.
final class GraphNetworkSpecTests: XCTestCase {
    /// A deterministic AAE whose encoder is two towers concatenated, every key
    /// on its own line so that a test can break one and expect a diagnostic there.
    private let graphExperiment = """
        name: graph
        seed: 3
        model:
          kind: aae
          latent_dim: 2
          encoder:
            nodes:
              h1: {inputs: [input], layers: [dense 16, relu]}
              h2: {inputs: [input], layers: [dense 16, tanh]}
              merged: {merge: concat, inputs: [h1, h2]}
              z: {inputs: [merged], layers: [dense latent]}
            output: z
          decoder: [dense 16, relu, dense input, sigmoid]
          discriminator: [dense 8, relu, dense 1, sigmoid]
        training:
          steps: 10
          batch_size: 4

        """

    private func parse(_ text: String, overrides: [String] = []) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "test.yaml", overrides: overrides.map(Override.init(parsing:)))
    }

    private func rejected(_ original: String, _ replacement: String,
                          file: StaticString = #filePath, line: UInt = #line) -> [ConfigDiagnostic] {
        rejection(of: editing(graphExperiment, original, replacement, file: file, line: line), file: file, line: line)
    }

    private func shipped(_ name: String) throws -> Experiment {
        try ExperimentReader.load(path: Repository.root.appendingPathComponent("experiments/\(name)").path)
    }

    private func graph(_ network: NetworkSpec, file: StaticString = #filePath, line: UInt = #line) -> GraphSpec? {
        guard case .graph(let graph) = network else {
            XCTFail("expected a graph, found \(network)", file: file, line: line)
            return nil
        }
        return graph
    }

    // MARK: - Reading

    func testGraphEncoderIsReadNodeByNodeInTheWrittenOrder() throws {
        let experiment = try parse(graphExperiment)
        let encoder = try XCTUnwrap(graph(experiment.model.encoder))
        XCTAssertEqual(encoder.nodes.map(\.name), ["h1", "h2", "merged", "z"])
        XCTAssertEqual(encoder.nodes.map(\.inputs), [["input"], ["input"], ["h1", "h2"], ["merged"]])
        XCTAssertEqual(encoder.nodes[2].body, .merge(.concat))
        guard case .layers(let layers) = encoder.nodes[0].body else { return XCTFail("h1 has no layers") }
        XCTAssertEqual(layers.map(\.shortForm), ["dense 16", "relu"])
        XCTAssertEqual(encoder.output, .node("z"))
        XCTAssertEqual(encoder.nodes.map(\.line), [8, 9, 10, 11])
        XCTAssertEqual(encoder.nodes[0].keyPath, "model.encoder.nodes.h1")
        XCTAssertEqual(experiment.model.encoder.allLayers.map(\.shortForm),
                       ["dense 16", "relu", "dense 16", "tanh", "dense latent"])
    }

    func testASingleInputMayBeWrittenWithoutBrackets() throws {
        let experiment = try parse(editing(graphExperiment, "h1: {inputs: [input],", "h1: {inputs: input,"))
        XCTAssertEqual(try XCTUnwrap(graph(experiment.model.encoder)).nodes[0].inputs, ["input"])
    }

    func testDecoderAndDiscriminatorMayBeGraphsWithResidualSums() throws {
        let text = editing(editing(graphExperiment,
            "  decoder: [dense 16, relu, dense input, sigmoid]\n", """
              decoder:
                nodes:
                  hidden: {inputs: [input], layers: [dense 16, relu]}
                  skip: {inputs: [input], layers: [dense 16]}
                  sum: {merge: add, inputs: [hidden, skip]}
                  image: {inputs: [sum], layers: [dense input, sigmoid]}
                output: image

            """),
            "  discriminator: [dense 8, relu, dense 1, sigmoid]\n", """
              discriminator:
                nodes:
                  gate: {inputs: [input], layers: [dense 2, sigmoid]}
                  gated: {merge: multiply, inputs: [input, gate]}
                  probability: {inputs: [gated], layers: [dense 1, sigmoid]}
                output: probability

            """)
        let experiment = try parse(text)
        XCTAssertEqual(try XCTUnwrap(graph(experiment.model.decoder)).nodes[2].body, .merge(.add))
        XCTAssertEqual(try XCTUnwrap(graph(XCTUnwrap(experiment.model.settings(as: AdversarialAutoencoderSettings.self)).discriminator)).nodes[1].body, .merge(.multiply))

        let model = ModelBuilder.model(experiment, inputFeatures: 784, seed: 1)
        XCTAssertTrue(model.allParameters.map(\.name).contains("decoder.skip.0.kernel"))
        XCTAssertTrue(model.allParameters.map(\.name).contains("discriminator.probability.0.bias"))
        let batch = [Float](repeating: 0.5, count: 4 * 784), labels = [Int32](repeating: 0, count: 4)
        model.trainStep(batch: batch, labels: labels)
        XCTAssertTrue(model.stepMetrics.allSatisfy { $0.value.isFinite }, "\(Array(model.stepMetrics))")
    }

    func testOverridesReachIntoANodesLayers() throws {
        let experiment = try parse(graphExperiment, overrides: ["model.encoder.nodes.h2.layers=[dense 32, tanh]"])
        let encoder = try XCTUnwrap(graph(experiment.model.encoder))
        guard case .layers(let layers) = encoder.nodes[1].body else { return XCTFail("h2 has no layers") }
        XCTAssertEqual(layers.map(\.shortForm), ["dense 32", "tanh"])
    }

    // MARK: - Mistakes, each at its line and key

    func testUnknownInputIsReportedWithTheNearestNodeName() {
        let found = rejected("inputs: [h1, h2]", "inputs: [h1, h_2]")
        assertOneDiagnostic(found, line: 10, keyPath: "model.encoder.nodes.merged.inputs[1]",
                            contains: ["unknown node `h_2`; did you mean `h2`?"])
    }

    func testCycleIsReportedWithItsChain() {
        let found = rejected("h1: {inputs: [input],", "h1: {inputs: [z],")
        assertOneDiagnostic(found, line: 8, keyPath: "model.encoder.nodes.h1.inputs[0]",
                            contains: ["cycle", "h1 ← z ← merged ← h1"])
    }

    func testSelfReferenceIsACycle() {
        let found = rejected("h1: {inputs: [input],", "h1: {inputs: [h1],")
        assertOneDiagnostic(found, line: 8, keyPath: "model.encoder.nodes.h1.inputs[0]", contains: ["cycle", "h1 ← h1"])
    }

    func testReadingALaterNodeWithoutACycleAsksForTheNodesInOrder() {
        let found = rejected("      merged: {merge: concat, inputs: [h1, h2]}\n      z: {inputs: [merged], layers: [dense latent]}\n",
                             "      z: {inputs: [merged], layers: [dense latent]}\n      merged: {merge: concat, inputs: [h1, h2]}\n")
        assertOneDiagnostic(found, line: 10, keyPath: "model.encoder.nodes.z.inputs[0]",
                            contains: ["`merged` is defined after `z`"])
    }

    func testAddOfUnequalSizesNamesBothSizesAtTheMerge() {
        let text = editing(editing(graphExperiment, "dense 16, tanh", "dense 8, tanh"), "merge: concat", "merge: add")
        assertOneDiagnostic(rejection(of: text), line: 10, keyPath: "model.encoder.nodes.merged",
                            contains: ["`add` needs inputs of equal sizes: h1 has 16 features, h2 has 8"])
    }

    func testMissingOutputIsReportedAtTheNetwork() {
        let found = rejected("    output: z\n", "")
        assertOneDiagnostic(found, line: 7, keyPath: "model.encoder.output",
                            contains: ["missing required key `output`", "`output: z`"])
    }

    func testUnusedNodeIsAnError() {
        let found = rejected("      merged:", "      h3: {inputs: [input], layers: [dense 4]}\n      merged:")
        assertOneDiagnostic(found, line: 10, keyPath: "model.encoder.nodes.h3",
                            contains: ["node `h3` is not used by the output"])
    }

    func testUnknownMergeKindSuggestsTheNearest() {
        let found = rejected("merge: concat", "merge: concta")
        assertOneDiagnostic(found, line: 10, keyPath: "model.encoder.nodes.merged.merge",
                            contains: ["expected one of concat, add, multiply, found `concta`", "did you mean `concat`?"])
    }

    func testLayersNodeWithSeveralInputsAsksForAMerge() {
        let found = rejected("z: {inputs: [merged],", "z: {inputs: [h1, h2],")
        assertOneDiagnostic(found, line: 11, keyPath: "model.encoder.nodes.z.inputs",
                            contains: ["reads one input, found 2", "merge: concat"])
    }

    func testMergeOfOneInputIsRejected() {
        let found = rejected("inputs: [h1, h2]", "inputs: [h1]")
        assertOneDiagnostic(found, line: 10, keyPath: "model.encoder.nodes.merged.inputs",
                            contains: ["joins two or more inputs, found 1"])
    }

    func testNodeWithBothLayersAndMergeIsRejected() {
        let found = rejected("{merge: concat, inputs: [h1, h2]}", "{merge: concat, inputs: [h1, h2], layers: [relu]}")
        assertOneDiagnostic(found, line: 10, keyPath: "model.encoder.nodes.merged", contains: ["not both"])
    }

    func testNodeCannotBeNamedInput() {
        let found = rejected("      h1: {inputs: [input], layers: [dense 16, relu]}\n      h2: {inputs: [input]",
                             "      input: {inputs: [input], layers: [dense 16, relu]}\n      h2: {inputs: [input]")
        XCTAssertEqual(found.first?.line, 8)
        XCTAssertEqual(found.first?.keyPath, "model.encoder.nodes.input")
        XCTAssertTrue(found.first?.message.contains("`input` names the network's input") ?? false, "\(found)")
    }

    func testUnknownOutputNodeSuggestsTheNearest() {
        let found = rejected("    output: z\n", "    output: zz\n")
        assertOneDiagnostic(found, line: 12, keyPath: "model.encoder.output", contains: ["unknown node `zz`; did you mean `z`?"])
    }

    func testOutputOfTheWrongSizeNamesTheNodeToFix() {
        let found = rejected("layers: [dense latent]}", "layers: [dense 5]}")
        assertOneDiagnostic(found, line: 11, keyPath: "model.encoder.nodes.z",
                            contains: ["the encoder outputs 5 features but must output 2", "end node `z` with `dense latent`"])
    }

    func testTwoHeadsAreOnlyForAGaussianEncoder() {
        let found = rejected("    output: z\n", "    output: {z_mean: z, z_log_var: z}\n")
        assertOneDiagnostic(found, line: 12, keyPath: "model.encoder.output", contains: ["Gaussian posterior"])
    }

    func testGaussianHeadsMustEachOutputTheCodeSize() throws {
        let text = editing(try String(contentsOf: Repository.root.appendingPathComponent("experiments/vae_two_heads.yaml"),
                                      encoding: .utf8),
                           "z_log_var: {inputs: [h], layers: [dense latent]}", "z_log_var: {inputs: [h], layers: [dense 3]}")
        let found = rejection(of: text)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertEqual(found.first?.keyPath, "model.encoder.nodes.z_log_var")
        XCTAssertTrue(found.first?.message.contains("z_log_var (node `z_log_var`) outputs 3 features but must output 2") ?? false,
                      "\(found)")
    }

    // MARK: - show, validate, build

    func testShowWritesTheGraphBackAsTheSameExperiment() throws {
        for experiment in [try parse(graphExperiment), try shipped("vae_two_heads.yaml")] {
            let text = resolvedYAML(experiment)
            let reread = try parse(text)
            assertSameExperiment(experiment, reread, experiment.name)
            XCTAssertEqual(resolvedYAML(reread), text)
        }
        let text = resolvedYAML(try parse(graphExperiment))
        XCTAssertTrue(text.contains("""
              encoder:
                nodes:
                  h1: {inputs: [input], layers: [dense 16, relu]}
                  h2: {inputs: [input], layers: [dense 16, tanh]}
                  merged: {merge: concat, inputs: [h1, h2]}
                  z: {inputs: [merged], layers: [dense latent]}
                output: z
              decoder: [dense 16, relu, dense input, sigmoid]

            """), text)
    }

    func testValidatePrintsEachNodesLayersAndOutputShapes() throws {
        let summary = ExperimentSummary(experiment: try parse(graphExperiment))
        let encoder = summary.networks[0]
        XCTAssertEqual(encoder.rows.map(\.layer), [
            "h1 (input): dense 16", "h1: relu", "h2 (input): dense 16", "h2: tanh", "merged: concat(h1, h2)",
            "z (merged): dense latent", "output: z",
        ])
        XCTAssertEqual(encoder.rows.map(\.outputFeatures), [16, 16, 16, 16, 32, 2, 2])
        XCTAssertEqual(encoder.trainableParameters, 2 * (784 * 16 + 16) + 32 * 2 + 2)
        XCTAssertEqual(summary.estimatedParameters, summary.trainableParameters)
        XCTAssertTrue(summary.text.contains(" merged: concat(h1, h2)"), summary.text)
    }

    func testTwoHeadsExampleValidatesAndBuildsTheClassicVAEExactly() throws {
        let twoHeads = try shipped("vae_two_heads.yaml")
        let classic = try shipped("vae.yaml")
        XCTAssertTrue(twoHeads.model.encoder.outputsGaussianHeads)
        let summary = ExperimentSummary(experiment: twoHeads)
        XCTAssertEqual(summary.networks[0].rows.map(\.layer), [
            "h (input): dense 256", "h: relu", "z_mean (h): dense latent", "z_log_var (h): dense latent",
            "output z_mean: z_mean", "output z_log_var: z_log_var",
        ])
        XCTAssertEqual(summary.trainableParameters, ExperimentSummary(experiment: classic).trainableParameters)
        XCTAssertEqual(summary.estimatedParameters, summary.trainableParameters)

        let built = ModelBuilder.model(twoHeads, inputFeatures: 784, seed: twoHeads.seed).allParameters
        let reference = ModelBuilder.model(classic, inputFeatures: 784, seed: classic.seed).allParameters
        XCTAssertEqual(built.map(\.name).prefix(6), ["encoder.h.0.kernel", "encoder.h.0.bias",
                                                     "encoder.z_mean.0.kernel", "encoder.z_mean.0.bias",
                                                     "encoder.z_log_var.0.kernel", "encoder.z_log_var.0.bias"])
        XCTAssertEqual(built.map(\.shape), reference.map(\.shape))
        for (graphParameter, listParameter) in zip(built, reference) {
            XCTAssertEqual(graphParameter.value.scalars, listParameter.value.scalars, graphParameter.name)
        }
    }
}
