/// A whole network that a model owns — an encoder trunk, a decoder, a
/// discriminator — whichever shape it has: a `Sequential` chain of layers or a
/// `GraphNetwork` of named branches and merges.
///
/// Models hold their networks as `Network` so that an experiment file may write
/// any of them in either form; what a model needs beyond a layer is the width
/// it reads and every tensor under its exported name.
public protocol Network: Layer {
    /// The number of features of the input.
    var inputFeatures: Int { get }
    /// Every parameter and state tensor under its exported name (`encoder.dense_1.weight`).
    var namedTensors: [NamedTensor] { get }
}

extension Sequential: Network {}
