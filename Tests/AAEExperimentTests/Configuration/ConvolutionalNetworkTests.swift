import AAECore
import AAEExperiment
import Foundation
import XCTest

/// Convolutional networks in experiment files: the layers' short and long forms,
/// `validate`'s Keras shapes and parameter counts, and the shape errors.
final class ConvolutionalNetworkTests: XCTestCase {
    private func shipped(_ name: String) throws -> Experiment {
        try ExperimentReader.load(path: Repository.root.appendingPathComponent("experiments/\(name)").path)
    }

    private func parse(_ text: String) throws -> Experiment {
        try ExperimentReader.parse(Data(text.utf8), file: "test.yaml")
    }

    /// Keras' `model.summary()` of the reference model: conv params kh·kw·cin·cout + cout.
    func testReferenceModelHasKerasShapesAndParameterCounts() throws {
        let summary = ExperimentSummary(experiment: try shipped("conv_aae.yaml"))
        let encoder = summary.networks[0], decoder = summary.networks[1]
        XCTAssertEqual(encoder.inputShape, .map(height: 28, width: 28, channels: 1))
        XCTAssertEqual(encoder.rows.map(\.outputShape.kerasShape), [
            "(None, 14, 14, 32)", "(None, 14, 14, 32)", "(None, 7, 7, 64)", "(None, 7, 7, 64)", "(None, 3136)",
            "(None, 8)",
        ])
        XCTAssertEqual(encoder.rows.map(\.trainableParameters),
                       [3 * 3 * 1 * 32 + 32, 0, 3 * 3 * 32 * 64 + 64, 0, 0, 3136 * 8 + 8])
        XCTAssertEqual(decoder.rows.map(\.outputShape.kerasShape), [
            "(None, 3136)", "(None, 3136)", "(None, 7, 7, 64)", "(None, 14, 14, 64)", "(None, 14, 14, 64)",
            "(None, 28, 28, 32)", "(None, 28, 28, 32)", "(None, 28, 28, 1)", "(None, 28, 28, 1)",
        ])
        XCTAssertEqual(decoder.rows.map(\.trainableParameters),
                       [8 * 3136 + 3136, 0, 0, 3 * 3 * 64 * 64 + 64, 0, 3 * 3 * 64 * 32 + 32, 0, 3 * 3 * 32 + 1, 0])
        XCTAssertEqual(summary.networks.map(\.trainableParameters), [43_912, 83_905, 136_193])
        XCTAssertEqual(summary.estimatedParameters, summary.trainableParameters)
    }

    func testValidatePrintsKerasShapesAndWhereMapsAreFlattenedAndReshaped() throws {
        let text = ExperimentSummary(experiment: try shipped("conv_autoencoder.yaml")).text
        for line in [
            " input (784 pixels as 28×28×1)  (None, 28, 28, 1)     0\n",
            " conv2d 32 3x3 stride 2 same    (None, 14, 14, 32)    320\n",
            " flatten                        (None, 3136)          0\n",
            " reshape 7x7x64                         (None, 7, 7, 64)      0\n",
            " conv2d_transpose 64 3x3 stride 2 same  (None, 14, 14, 64)    36,928\n",
            "Note: `flatten` reads the 7×7×64 map as 3,136 features (NHWC: row by row, channels innermost)\n",
            "Note: `reshape 7x7x64` reads 3,136 features as a 7×7×64 map\n",
            "Note: the 28×28×1 map it outputs is the image's 784 pixels\n",
        ] {
            XCTAssertTrue(text.contains(line), "missing `\(line)` in\n\(text)")
        }
    }

    func testADecoderEndingInAnotherMapNamesTheLayerAndBothShapes() {
        let text = editing(lineByLineExperiment, "decoder: [dense 16, relu, dense input, sigmoid]",
                           "decoder: [dense 1568, reshape 7x7x32, conv2d 64 3x3 stride 2 same]")
        assertOneDiagnostic(rejection(of: text), line: 12, keyPath: "model.decoder", contains: [
            "`conv2d 64 3x3 stride 2 same` after a 7×7×32 map gives 4×4×64; the decoder must end with 28×28×1",
        ])
    }

    func testDenseAfterAMapAsksForFlattenAtTheLayer() {
        let text = editing(lineByLineExperiment, "encoder: [dense 16, relu, dense latent]",
                           "encoder: [conv2d 8 3x3, relu, dense latent]")
        let diagnostics = rejection(of: text)
        assertOneDiagnostic(diagnostics, line: 11, keyPath: "model.encoder[2]", contains: [
            "`dense latent` in the encoder reads a vector but gets a 26×26×8 map; add `flatten` before it",
        ])
        XCTAssertEqual(diagnostics.first?.column, 33)
    }

    func testAConvolutionOnACodeAsksForAReshape() {
        let text = editing(lineByLineExperiment, "decoder: [dense 16, relu, dense input, sigmoid]",
                           "decoder: [conv2d 8 3x3, flatten, dense input]")
        assertOneDiagnostic(rejection(of: text), line: 12, keyPath: "model.decoder[0]", contains: [
            "`conv2d 8 3x3` in the decoder reads a feature map but gets 2 features; add `reshape [h, w, c]` before it",
        ])
    }

    func testShortAndLongFormsReadTheSameLayersAndWriteTheShortForm() throws {
        let experiment = try parse(editing(lineByLineExperiment, "encoder: [dense 16, relu, dense latent]", """
            encoder: [{conv2d: {filters: 8, kernel: 3x5, stride: 2, padding: same}}, max_pool2d, \
            avg_pool2d 3x3 stride 1 same, {reshape: {shape: [7, 56, 1]}}, upsample2d 2x1, flatten, dense latent]
            """))
        guard case .layers(let layers) = experiment.model.encoder else { return XCTFail("not a layer list") }
        XCTAssertEqual(layers.map(\.shortForm), [
            "conv2d 8 3x5 stride 2 same", "max_pool2d", "avg_pool2d 3x3 stride 1 same", "reshape 7x56x1",
            "upsample2d 2x1", "flatten", "dense latent",
        ])
        let encoder = ExperimentSummary(experiment: experiment).networks[0]
        XCTAssertEqual(encoder.rows.map(\.outputShape.description), [
            "14×14×8", "7×7×8", "7×7×8", "7×56×1", "14×56×1", "784 features", "2 features",
        ])
    }

    func testABadWindowOrPaddingIsOneLineAtTheLayer() {
        let window = editing(lineByLineExperiment, "encoder: [dense 16, relu, dense latent]",
                             "encoder: [conv2d 8 3y3, flatten, dense latent]")
        assertOneDiagnostic(rejection(of: window), line: 11, keyPath: "model.encoder[0]", contains: [
            "`conv2d` argument `kernel` expects a positive size or `HxW` such as `3x3`, found `3y3`",
        ])
        let padding = editing(lineByLineExperiment, "encoder: [dense 16, relu, dense latent]",
                              "encoder: [conv2d 8 3x3 full, flatten, dense latent]")
        assertOneDiagnostic(rejection(of: padding), line: 11, keyPath: "model.encoder[0]", contains: [
            "`conv2d` argument `padding` expects `valid` or `same`, found `full`",
        ])
    }
}
