/// A network of named nodes, each a chain of layers on one earlier node or a
/// merge of several: branches and joins that a `Sequential` cannot express,
/// such as two towers concatenated, a residual sum, or a VAE trunk with its two
/// heads `z_mean` and `z_log_var`.
///
/// The node named `input` is the network's input. The nodes run in a
/// topological order fixed when the network is built (the order they are given
/// in, where that order already respects their inputs), so a forward pass and
/// the parameter order are the same every time. Each node's layers form a
/// `Sequential` named `network.node`, so parameters read `encoder.h1.0.kernel`.
///
/// A network may name several outputs; called as a layer, it returns them side
/// by side (concatenated along features), and `outputs(_:)` returns each.
public final class GraphNetwork: Network {
    /// The name that stands for the network's input among a node's inputs.
    public static let inputName = "input"

    /// How a merge node joins its inputs.
    public enum Merge: String, Sendable, CaseIterable {
        /// Side by side along features: the output has the sum of the widths
        /// (a vector, also of maps: NHWC rows side by side are not a channel concatenation).
        case concat
        /// Elementwise sum of inputs of equal width (of equal maps, a map).
        case add
        /// Elementwise product of inputs of equal width.
        case multiply
    }

    /// A node as the caller describes it, before its layers are chained.
    public struct NodeDefinition {
        /// What a node computes from its inputs.
        public enum Computation {
            /// Layers applied in turn to the node's single input.
            case layers([Layer])
            /// A merge of two or more inputs.
            case merge(Merge)
        }

        public let name: String
        public let inputs: [String]
        public let computation: Computation

        /// A node applying `layers` to the node (or `input`) named `input`.
        public static func layers(_ name: String, input: String, _ layers: [Layer]) -> NodeDefinition {
            NodeDefinition(name: name, inputs: [input], computation: .layers(layers))
        }

        /// A node joining the nodes named `inputs` with `merge`.
        public static func merge(_ name: String, _ merge: Merge, inputs: [String]) -> NodeDefinition {
            NodeDefinition(name: name, inputs: inputs, computation: .merge(merge))
        }
    }

    /// A built node: its layers chained into a `Sequential`, or its merge.
    public struct Node {
        /// What a built node computes.
        public enum Body {
            case layers(Sequential)
            case merge(Merge)
        }

        public let name: String
        public let inputs: [String]
        public let body: Body
        public let outputShape: FeatureShape

        public var outputFeatures: Int { outputShape.features }
    }

    public let name: String
    public let inputFeatures: Int
    /// The nodes in the order they run.
    public let nodes: [Node]
    /// The names of the nodes the network outputs, in order.
    public let outputNames: [String]
    private let shapesByName: [String: FeatureShape]

    /// Builds the network `name` reading `inputFeatures` values. Node names must
    /// be unique and other than `input`; every input must name a node or
    /// `input`, without cycles; a layers node has one input, whose width its
    /// first layer reads; a merge has two or more, of equal widths unless it
    /// concatenates.
    public init(name: String, inputFeatures: Int, inputShape: FeatureShape? = nil, nodes definitions: [NodeDefinition],
                outputs: [String]) {
        precondition(!outputs.isEmpty, "graph network \(name) needs an output")
        var shapes = [Self.inputName: inputShape ?? .vector(inputFeatures)]
        var built: [Node] = []
        for definition in Self.topologicalOrder(definitions, network: name) {
            let inputShapes = definition.inputs.map { shapes[$0]! }
            let widths = inputShapes.map(\.features)
            let node: Node
            switch definition.computation {
            case .layers(let layers):
                precondition(widths.count == 1, "node \(definition.name) of \(name) applies layers to one input")
                let chain = Sequential(name: "\(name).\(definition.name)", inputFeatures: widths[0],
                                       inputShape: inputShapes[0], layers: layers)
                node = Node(name: definition.name, inputs: definition.inputs, body: .layers(chain),
                            outputShape: chain.outputShape)
            case .merge(let merge):
                precondition(widths.count >= 2, "merge node \(definition.name) of \(name) needs two or more inputs")
                precondition(merge == .concat || Set(widths).count == 1,
                             "\(merge.rawValue) node \(definition.name) of \(name) needs equal widths, got \(widths)")
                node = Node(name: definition.name, inputs: definition.inputs, body: .merge(merge),
                            outputShape: Self.mergedShape(merge, inputShapes))
            }
            shapes[node.name] = node.outputShape
            built.append(node)
        }
        for output in outputs {
            precondition(shapes[output] != nil && output != Self.inputName, "output \(output) is not a node of \(name)")
        }
        self.name = name
        self.inputFeatures = inputFeatures
        self.nodes = built
        self.outputNames = outputs
        self.shapesByName = shapes
    }

    /// The shape a merge of inputs of `shapes` outputs: a concatenation is a
    /// vector of the widths side by side; a sum or product of equal maps a map.
    public static func mergedShape(_ merge: Merge, _ shapes: [FeatureShape]) -> FeatureShape {
        if merge == .concat {
            return .vector(shapes.reduce(0) { LayerFootprint.sum($0, $1.features) })
        }
        return Set(shapes).count == 1 ? shapes[0] : .vector(shapes[0].features)
    }

    /// The parameters of every node, in node order.
    public var parameters: [Parameter] {
        nodes.flatMap { node -> [Parameter] in
            guard case .layers(let chain) = node.body else { return [] }
            return chain.parameters
        }
    }

    /// The state buffers of every node, in node order.
    public var stateBuffers: [StateBuffer] {
        nodes.flatMap { node -> [StateBuffer] in
            guard case .layers(let chain) = node.body else { return [] }
            return chain.stateBuffers
        }
    }

    /// The width of the outputs side by side.
    public var outputFeatures: Int { outputNames.reduce(0) { $0 + outputFeatures(of: $1) } }

    /// The width of the node (or `input`) named `name`.
    public func outputFeatures(of name: String) -> Int { outputShape(of: name).features }

    /// The shape of the node (or `input`) named `name`.
    public func outputShape(of name: String) -> FeatureShape {
        guard let shape = shapesByName[name] else { preconditionFailure("\(name) is not a node of \(self.name)") }
        return shape
    }

    /// The shape of the single output; a vector of the outputs side by side when there are several.
    public var outputShape: FeatureShape {
        outputNames.count == 1 ? outputShape(of: outputNames[0]) : .vector(outputFeatures)
    }

    /// Adds the network on `input` to its graph and returns each output, in
    /// the order of `outputNames`.
    public func outputs(_ input: Variable) -> [Variable] {
        var values = [Self.inputName: input]
        for node in nodes {
            let inputs = node.inputs.map { values[$0]! }
            switch node.body {
            case .layers(let chain): values[node.name] = chain(inputs[0])
            case .merge(.concat): values[node.name] = Variable.concatenate(inputs)
            case .merge(.add): values[node.name] = inputs.dropFirst().reduce(inputs[0], +)
            case .merge(.multiply): values[node.name] = inputs.dropFirst().reduce(inputs[0], *)
            }
        }
        return outputNames.map { values[$0]! }
    }

    public func callAsFunction(_ input: Variable) -> Variable {
        let values = outputs(input)
        return values.count == 1 ? values[0] : Variable.concatenate(values)
    }

    /// `definitions` in an order where every node follows its inputs: at each
    /// step the first node, in the given order, whose inputs have all run.
    private static func topologicalOrder(_ definitions: [NodeDefinition], network: String) -> [NodeDefinition] {
        let names = definitions.map(\.name)
        precondition(Set(names).count == names.count && !names.contains(inputName),
                     "the nodes of \(network) need unique names other than \(inputName): \(names)")
        for definition in definitions {
            for input in definition.inputs {
                precondition(input == inputName || names.contains(input),
                             "node \(definition.name) of \(network) reads \(input), which is not a node")
            }
        }
        var ready: Set<String> = [inputName]
        var remaining = definitions
        var ordered: [NodeDefinition] = []
        while let index = remaining.firstIndex(where: { $0.inputs.allSatisfy(ready.contains) }) {
            let next = remaining.remove(at: index)
            ordered.append(next)
            ready.insert(next.name)
        }
        precondition(remaining.isEmpty, "the nodes \(remaining.map(\.name)) of \(network) form a cycle")
        return ordered
    }
}
