import AAECore
import XCTest

/// A small convolutional autoencoder learns synthetic 8×8 images (a bar in one
/// of four places, with noise) in seconds, and its training step reuses the
/// buffers its graph allocated when it was built.
final class ConvolutionalLearningTests: XCTestCase {
    private let side = 8, batchSize = 32, latent = 4
    private var examples: [Float] = []
    private var labels: [Int32] = []

    override func setUp() {
        super.setUp()
        var random = RandomGenerator(seed: 15)
        examples = []
        labels = []
        for i in 0..<256 {
            let label = i % 4
            labels.append(Int32(label))
            for y in 0..<side {
                for x in 0..<side {
                    let onBar = label < 2 ? (y / 2 == label * 2 + 1) : (x / 2 == (label - 2) * 2 + 1)
                    examples.append(min(max((onBar ? 0.9 : 0.1) + random.normal(std: 0.05), 0), 1))
                }
            }
        }
    }

    /// conv2d 8 3x3 stride 2 same → leaky_relu → flatten → dense 4; dense 128 →
    /// leaky_relu → reshape 4x4x8 → conv2d_transpose 8 3x3 stride 2 same → leaky_relu
    /// → conv2d 1 3x3 same → sigmoid.
    private func model(random: inout RandomGenerator) -> Autoencoder {
        let image = FeatureShape.map(height: side, width: side, channels: 1)
        let down = ConvolutionGeometry(height: side, width: side, channels: 1, kernel: (3, 3), stride: (2, 2),
                                       padding: .same)!
        let convolution = Conv2D(geometry: down, filters: 8, random: &random)
        let trunk = Sequential(name: "encoder", inputFeatures: image.features, inputShape: image, layers: [
            convolution, Activation(LeakyReLU(alpha: 0.2), shape: convolution.outputShape),
            Flatten(features: convolution.outputFeatures),
            Dense(inputFeatures: convolution.outputFeatures, units: latent, random: &random),
        ])
        let encoder = CodeEncoder(trunk: trunk, posterior: .deterministic, inputFeatures: image.features,
                                  latentDimension: latent, random: &random)
        let map = FeatureShape.map(height: 4, width: 4, channels: 8)
        let up = Conv2DTranspose(input: map, filters: 8, kernel: (3, 3), stride: (2, 2), padding: .same, random: &random)
        let last = ConvolutionGeometry(height: side, width: side, channels: 8, kernel: (3, 3), stride: (1, 1),
                                       padding: .same)!
        let output = Conv2D(geometry: last, filters: 1, random: &random)
        let decoder = Sequential(name: "decoder", inputFeatures: latent, layers: [
            Dense(inputFeatures: latent, units: map.features, random: &random),
            Activation(LeakyReLU(alpha: 0.2), features: map.features), Reshape(shape: map),
            up, Activation(LeakyReLU(alpha: 0.2), shape: up.outputShape), output, Activation(Sigmoid(), shape: image),
        ])
        XCTAssertEqual(decoder.outputShape, image)
        return Autoencoder(networks: EncoderDecoder(encoder: encoder, decoder: decoder), reconstruction: .bce,
                           sparsity: .none, batchSize: batchSize,
                           optimizers: { phase, parameters in
                               PhaseOptimizer(phase: phase, optimizer: Adam(parameters: parameters, learningRate: 0.01))
                           }, random: random)
    }

    private func reconstructionError(_ model: TrainableModel) -> Double {
        let output = examples.withUnsafeBufferPointer { x in
            labels.withUnsafeBufferPointer { model.reconstruct(x.baseAddress!, labels: $0.baseAddress!, count: labels.count) }
        }
        return zip(output, examples).reduce(0) { $0 + Double(($1.0 - $1.1) * ($1.0 - $1.1)) } / Double(examples.count)
    }

    func testConvolutionalAutoencoderQuartersItsErrorOnBarImages() {
        var random = RandomGenerator(seed: 3)
        let model = model(random: &random)
        let features = side * side
        var sampler = BatchSampler(exampleCount: labels.count, batchSize: batchSize, random: RandomGenerator(seed: 5))
        var batch = [Float](repeating: 0, count: batchSize * features)
        let batchLabels = [Int32](repeating: 0, count: batchSize)
        let before = reconstructionError(model)
        for _ in 0..<300 {
            let indices = sampler.nextBatch()
            examples.withUnsafeBufferPointer { source in
                batch.withUnsafeMutableBufferPointer {
                    BatchSampler.gather(rows: indices, of: source.baseAddress!, width: features, into: $0.baseAddress!)
                }
            }
            model.trainStep(batch: batch, labels: batchLabels)
        }
        let after = reconstructionError(model)
        XCTAssertLessThan(after, before / 4, "reconstruction MSE \(before) → \(after)")
    }

    func testAConvolutionalGraphsStepsReuseTheBuffersAllocatedAtBuildTime() {
        var random = RandomGenerator(seed: 4)
        let image = FeatureShape.map(height: 9, width: 7, channels: 2)
        let down = ConvolutionGeometry(height: 9, width: 7, channels: 2, kernel: (3, 3), stride: (2, 2), padding: .same)!
        let convolution = Conv2D(geometry: down, filters: 4, random: &random)
        let pool = ConvolutionGeometry(height: 5, width: 4, channels: 4, kernel: (2, 2), stride: (1, 1), padding: .same)!
        let network = Sequential(name: "net", inputFeatures: image.features, inputShape: image, layers: [
            convolution, BatchNorm(shape: convolution.outputShape), MaxPool2D(geometry: pool), AvgPool2D(geometry: pool),
            UpSample2D(input: convolution.outputShape, factors: (2, 2)),
            Conv2DTranspose(input: .map(height: 10, width: 8, channels: 4), filters: 3, kernel: (3, 3),
                            stride: (2, 2), padding: .valid, random: &random),
            Dropout(rate: 0.25, shape: .map(height: 21, width: 17, channels: 3)),
        ])
        XCTAssertEqual(network.outputShape, .map(height: 21, width: 17, channels: 3))
        let graph = Graph(isTraining: true, random: RandomGenerator(seed: 9))
        let x = graph.input(shape: [16, image.features])
        let loss = network(x).squared().sum()
        func buffers() -> [UnsafeMutablePointer<Float>] {
            graph.nodes.flatMap { [$0.value.data] + ($0.gradient.map { [$0.data] } ?? []) }
        }
        let before = buffers(), nodeCount = graph.nodes.count
        for step in 0..<4 {
            random.fillUniform(x.value.data, count: x.value.count, low: -1, high: 1)
            graph.forward()
            graph.backward(from: loss)
            XCTAssertEqual(graph.nodes.count, nodeCount, "step \(step)")
            XCTAssertEqual(buffers(), before, "step \(step)")
            XCTAssertTrue(loss.value.scalar.isFinite)
        }
    }
}
