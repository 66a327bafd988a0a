/// Runs part of a model in inference mode on inputs of any count, in chunks,
/// reusing one graph per chunk size.
///
/// Noise inputs (a universal posterior's η) are drawn from a generator reset
/// at every call, so evaluating the same model twice gives the same outputs.
public final class InferenceNetwork {
    /// What a built inference graph needs besides its main input.
    public struct Built {
        public let output: Variable
        /// Inputs refilled with noise before each forward pass.
        public var noise: [NoiseInput] = []
        /// A one-hot label input (for a label-conditioned decoder) and its width.
        public var labels: (variable: Variable, classes: Int)?

        public init(output: Variable, noise: [NoiseInput] = [], labels: (variable: Variable, classes: Int)? = nil) {
            self.output = output
            self.noise = noise
            self.labels = labels
        }
    }

    private let inputFeatures: Int
    private let chunkSize: Int
    private let build: (Variable) -> Built
    private let seed: UInt64
    private var graphs: [Int: (input: Variable, built: Built)] = [:]

    public init(inputFeatures: Int, chunkSize: Int = 500, seed: UInt64 = 0, build: @escaping (Variable) -> Built) {
        self.inputFeatures = inputFeatures
        self.chunkSize = chunkSize
        self.seed = seed
        self.build = build
    }

    /// Runs a plain network.
    public convenience init(_ network: Layer, inputFeatures: Int, chunkSize: Int = 500) {
        self.init(inputFeatures: inputFeatures, chunkSize: chunkSize) { Built(output: network($0)) }
    }

    /// The outputs for `count` rows at `inputs` (and their labels, when the
    /// network reads labels), row-major.
    public func callAsFunction(_ inputs: UnsafePointer<Float>, labels: UnsafePointer<Int32>? = nil, count: Int) -> [Float] {
        var random = RandomGenerator(seed: seed, stream: RandomStreams.inference)
        var outputs: [Float] = []
        var start = 0
        while start < count {
            let rows = min(chunkSize, count - start)
            let compiled = graph(rows: rows)
            compiled.input.value.data.update(from: inputs + start * inputFeatures, count: rows * inputFeatures)
            for noise in compiled.built.noise { noise.refill(&random) }
            if let (variable, classes) = compiled.built.labels {
                guard let labels else { preconditionFailure("this network reads labels: pass one per row") }
                OneHot.fill(variable.value.data, labels: labels + start, rows: rows, classes: classes)
            }
            compiled.input.graph.forward()
            let output = compiled.built.output.value
            if outputs.isEmpty { outputs.reserveCapacity(count * output.columns) }
            outputs.append(contentsOf: UnsafeBufferPointer(start: output.data, count: output.count))
            start += rows
        }
        return outputs
    }

    private func graph(rows: Int) -> (input: Variable, built: Built) {
        if let cached = graphs[rows] { return cached }
        let graph = Graph(isTraining: false)
        let input = graph.input(shape: [rows, inputFeatures])
        let compiled = (input, build(input))
        graphs[rows] = compiled
        return compiled
    }
}
