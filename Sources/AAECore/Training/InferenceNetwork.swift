/// Runs a network in inference mode on inputs of any count, in chunks, reusing
/// one graph per chunk size.
public final class InferenceNetwork {
    private let network: Layer
    private let inputFeatures: Int
    private let chunkSize: Int
    private var graphs: [Int: (graph: Graph, input: Variable, output: Variable)] = [:]

    public init(_ network: Layer, inputFeatures: Int, chunkSize: Int = 500) {
        self.network = network
        self.inputFeatures = inputFeatures
        self.chunkSize = chunkSize
    }

    /// The network's outputs for `count` rows at `inputs`, row-major.
    public func callAsFunction(_ inputs: UnsafePointer<Float>, count: Int) -> [Float] {
        let outputFeatures = network.outputFeatures
        var outputs = [Float](repeating: 0, count: count * outputFeatures)
        var start = 0
        while start < count {
            let rows = min(chunkSize, count - start)
            let compiled = graph(rows: rows)
            compiled.input.value.data.update(from: inputs + start * inputFeatures, count: rows * inputFeatures)
            compiled.graph.forward()
            outputs.withUnsafeMutableBufferPointer {
                ($0.baseAddress! + start * outputFeatures).update(from: compiled.output.value.data,
                                                                  count: rows * outputFeatures)
            }
            start += rows
        }
        return outputs
    }

    private func graph(rows: Int) -> (graph: Graph, input: Variable, output: Variable) {
        if let cached = graphs[rows] { return cached }
        let graph = Graph(isTraining: false)
        let input = graph.input(shape: [rows, inputFeatures])
        let compiled = (graph, input, network(input))
        graphs[rows] = compiled
        return compiled
    }
}
