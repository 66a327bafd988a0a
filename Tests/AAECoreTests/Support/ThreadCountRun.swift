import AAECore

/// One forward and backward pass of the graph `build` makes from `parameters`, on
/// a pool of `threads` threads: the values of the variables `build` returns, then
/// every parameter's gradient. Two thread counts must give equal arrays, bit for bit.
func valuesAndGradients(onThreads threads: Int, of parameters: [Parameter],
                        _ build: ([Variable]) -> (loss: Variable, outputs: [Variable])) -> [[Float]] {
    let pool = WorkerPool(threads: threads)
    defer { pool.shutDown() }
    return pool.bind {
        let graph = Graph()
        let (loss, outputs) = build(parameters.map { graph.parameter($0) })
        graph.forward()
        graph.backward(from: loss)
        return outputs.map { Array(UnsafeBufferPointer(start: $0.node.value.data, count: $0.node.value.count)) }
            + parameters.map { Array(UnsafeBufferPointer(start: $0.gradient.data, count: $0.gradient.count)) }
    }
}
