import AAECore

/// The small synthetic task the model tests learn: `count` examples of `classes`
/// blobs in `features` dimensions (feature `f` near 0.85 for the blob `f mod classes`,
/// else near 0.15), pixels clamped to [0, 1], the labels cycling through the classes.
func blobExamples(count: Int = 512, classes: Int, features: Int, seed: UInt64) -> (examples: [Float], labels: [Int32]) {
    var random = RandomGenerator(seed: seed)
    var examples: [Float] = [], labels: [Int32] = []
    for i in 0..<count {
        let label = i % classes
        labels.append(Int32(label))
        for f in 0..<features {
            let centre: Float = f % classes == label ? 0.85 : 0.15
            examples.append(min(max(centre + random.normal(std: 0.05), 0), 1))
        }
    }
    return (examples, labels)
}

/// A dense network through `sizes`, leaky ReLU (0.2) between its layers, and `output` last when given.
func denseNetwork(_ name: String, _ sizes: [Int], random: inout RandomGenerator, output: Layer? = nil) -> Sequential {
    var layers: [Layer] = []
    for (input, units) in zip(sizes, sizes.dropFirst()) {
        layers.append(Dense(inputFeatures: input, units: units, random: &random))
        if units != sizes.last { layers.append(Activation(LeakyReLU(alpha: 0.2), features: units)) }
    }
    if let output { layers.append(output) }
    return Sequential(name: name, inputFeatures: sizes[0], layers: layers)
}
