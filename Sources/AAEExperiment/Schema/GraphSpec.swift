import AAECore
import Yams

/// A network written as a graph: named nodes, each a layer list applied to one
/// input or a merge of several, and the node (or, for a Gaussian encoder, the
/// two heads) it outputs.
///
/// ```yaml
/// encoder:
///   nodes:
///     h1:     {inputs: [input], layers: [dense 256, relu]}
///     h2:     {inputs: [input], layers: [dense 256, tanh]}
///     merged: {merge: concat, inputs: [h1, h2]}
///     z:      {inputs: [merged], layers: [dense latent]}
///   output: z
/// ```
///
/// Reading checks the structure — names, references to earlier nodes, no
/// cycles, no unused nodes — so that a valid spec always builds a
/// `GraphNetwork`; sizes (merges of equal widths) are checked with the model's
/// other sizes in `NetworkSizes`.
public struct GraphSpec: Sendable, Equatable {
    /// One named node.
    public struct Node: Sendable, Equatable {
        /// What a node computes from its inputs.
        public enum Body: Sendable, Equatable {
            /// Layers applied in turn to the node's single input.
            case layers([LayerSpec])
            /// A merge of two or more inputs.
            case merge(GraphNetwork.Merge)
        }

        public let name: String
        /// The nodes (or `input`) the node reads, in order.
        public let inputs: [String]
        public let body: Body
        /// Where the node was written (`model.encoder.nodes.h1`, the line of its name).
        public let keyPath: String
        public let line: Int
        public let column: Int
    }

    /// What the network outputs.
    public enum Output: Sendable, Equatable {
        /// One node.
        case node(String)
        /// The two heads of a Gaussian posterior, μ(x) and log σ²(x), which the
        /// graph computes itself (the model then adds no heads).
        case gaussianHeads(mean: String, logVariance: String)

        /// The output nodes, in order (μ before log σ²).
        public var nodeNames: [String] {
            switch self {
            case .node(let name): return [name]
            case .gaussianHeads(let mean, let logVariance): return [mean, logVariance]
            }
        }
    }

    /// The nodes in the order they were written, each after the nodes it reads.
    public let nodes: [Node]
    public let output: Output

    /// The node named `name`.
    public func node(_ name: String) -> Node? { nodes.first { $0.name == name } }
}

extension GraphSpec {
    static let keys = ["nodes", "output"]
    static let nodeKeys = ["inputs", "layers", "merge"]
    /// The keys of a Gaussian encoder's two-head output.
    static let headKeys = ["z_mean", "z_log_var"]

    /// Reads `{nodes: …, output: …}`. `allowsGaussianHeads` says whether the
    /// output may name two heads `{z_mean: …, z_log_var: …}` (the encoder of a
    /// Gaussian posterior).
    static func read(_ node: ConfigNode, allowsGaussianHeads: Bool) -> GraphSpec? {
        guard let fields = node.fields(keys) else { return nil }
        guard let nodesNode = fields["nodes"] else {
            missing("nodes", in: node, hint: "the named nodes, e.g. `nodes: {z: {inputs: [input], layers: [dense latent]}}`")
            return nil
        }
        let written = readNodes(nodesNode)
        var output: Output?
        if let outputNode = fields["output"] {
            output = readOutput(outputNode, allowsGaussianHeads: allowsGaussianHeads)
        } else {
            missing("output", in: node, hint: "name the node the network outputs, e.g. `output: z`")
        }
        guard let written, checkReferences(written) else { return nil }
        let names = written.map(\.spec.name)
        guard let output, let outputNode = fields["output"], checkOutput(output, at: outputNode, names: names) else {
            return nil
        }
        guard checkAllUsed(written, output: output) else { return nil }
        return GraphSpec(nodes: written.map(\.spec), output: output)
    }

    /// A node as read, with the places of its parts for later diagnostics.
    private struct WrittenNode {
        let spec: Node
        let nameNode: ConfigNode
        let inputNodes: [ConfigNode]
    }

    private static func missing(_ key: String, in node: ConfigNode, hint: String) {
        node.log.report("missing required key `\(key)`: \(hint)", at: node.node, path: "\(node.path).\(key)")
    }

    private static func readNodes(_ node: ConfigNode) -> [WrittenNode]? {
        guard case .mapping(let mapping) = node.node else {
            node.error("expected a mapping of named nodes (`h1: {inputs: [input], layers: [dense 256]}`), found \(node.found)")
            return nil
        }
        guard !mapping.isEmpty else {
            node.error("expected at least one node")
            return nil
        }
        var nodes: [WrittenNode] = []
        var valid = true
        for (keyNode, valueNode) in mapping {
            let name = keyNode.scalar?.string ?? ""
            let nameNode = ConfigNode(node: keyNode, path: "\(node.path).\(name)", log: node.log)
            guard isIdentifier(name), name != GraphNetwork.inputName, !["null", "Null", "NULL"].contains(name) else {
                nameNode.error(name == GraphNetwork.inputName
                    ? "`input` names the network's input; give the node another name"
                    : "expected a node name (letters, digits and `_`, not starting with a digit, not `null`), found `\(name)`")
                valid = false
                continue
            }
            guard !nodes.contains(where: { $0.spec.name == name }) else {
                nameNode.error("node `\(name)` is defined twice")
                valid = false
                continue
            }
            guard let written = readNode(node.child(name, valueNode), name: name, nameNode: nameNode) else {
                valid = false
                continue
            }
            nodes.append(written)
        }
        return valid ? nodes : nil
    }

    private static func readNode(_ node: ConfigNode, name: String, nameNode: ConfigNode) -> WrittenNode? {
        guard let fields = node.fields(nodeKeys) else { return nil }
        let inputNodes = fields.required("inputs", readInputs)
        let body: Node.Body?
        switch (fields["layers"], fields["merge"]) {
        case (let layers?, nil):
            body = NetworkSpec.readLayers(layers).map(Node.Body.layers)
        case (nil, let merge?):
            body = merge.string(oneOf: GraphNetwork.Merge.allCases.map(\.rawValue))
                .flatMap(GraphNetwork.Merge.init(rawValue:)).map(Node.Body.merge)
        case (_?, _?):
            node.error("a node either applies `layers` to one input or joins its inputs with `merge`, not both")
            body = nil
        case (nil, nil):
            node.error("missing `layers` or `merge`: a node applies layers to one input or merges several")
            body = nil
        }
        guard let inputNodes, let body else { return nil }
        if let inputsNode = fields["inputs"] {
            switch body {
            case .layers where inputNodes.count != 1:
                inputsNode.error("a node with `layers` reads one input, found \(inputNodes.count); "
                                 + "join several first with a node such as `{merge: concat, inputs: [a, b]}`")
                return nil
            case .merge(let merge) where inputNodes.count < 2:
                inputsNode.error("`merge: \(merge.rawValue)` joins two or more inputs, found \(inputNodes.count)")
                return nil
            default:
                break
            }
        }
        let mark = nameNode.node.mark
        let spec = Node(name: name, inputs: inputNodes.compactMap(\.text), body: body, keyPath: node.path,
                        line: mark?.line ?? 0, column: mark?.column ?? 0)
        return WrittenNode(spec: spec, nameNode: nameNode, inputNodes: inputNodes)
    }

    /// `[a, b]`, or one name written alone.
    private static func readInputs(_ node: ConfigNode) -> [ConfigNode]? {
        let elements: [ConfigNode]
        if case .scalar = node.node {
            elements = [node]
        } else if let list = node.list() {
            elements = list
        } else {
            return nil
        }
        guard !elements.isEmpty else {
            node.error("expected at least one input: `input` or the name of an earlier node")
            return nil
        }
        var valid = true
        for element in elements where element.text.map(isIdentifier) != true {
            element.error("expected a node name or `input`, found \(element.found)")
            valid = false
        }
        return valid ? elements : nil
    }

    private static func readOutput(_ node: ConfigNode, allowsGaussianHeads: Bool) -> Output? {
        switch node.node {
        case .scalar:
            return node.string().map(Output.node)
        case .mapping:
            guard allowsGaussianHeads else {
                node.error("an output of two heads `{z_mean: …, z_log_var: …}` is for the encoder of a Gaussian "
                           + "posterior (kind `vae`, or `aae` with `posterior: gaussian`); name one node, e.g. `output: z`")
                return nil
            }
            guard let fields = node.fields(headKeys) else { return nil }
            let mean = fields.required("z_mean") { $0.string() }
            let logVariance = fields.required("z_log_var") { $0.string() }
            guard let mean, let logVariance else { return nil }
            return .gaussianHeads(mean: mean, logVariance: logVariance)
        default:
            node.error("expected the name of the output node, found \(node.found)")
            return nil
        }
    }

    /// Every input names `input` or an earlier node. A later node is a cycle
    /// when it (through its own inputs) reads the node back; otherwise it is
    /// reported as out of order. Unknown names get the nearest valid name.
    private static func checkReferences(_ nodes: [WrittenNode]) -> Bool {
        let inputsByName = Dictionary(uniqueKeysWithValues: nodes.map { ($0.spec.name, $0.spec.inputs) })
        var valid = true
        for (index, node) in nodes.enumerated() {
            let earlier = [GraphNetwork.inputName] + nodes[..<index].map(\.spec.name)
            for (input, inputNode) in zip(node.spec.inputs, node.inputNodes) where !earlier.contains(input) {
                valid = false
                if let cycle = path(from: input, to: node.spec.name, inputsByName: inputsByName) {
                    let chain = ([node.spec.name] + cycle).joined(separator: " ← ")
                    inputNode.error("the nodes read each other in a cycle: \(chain) (a ← b: a reads b); "
                                    + "a node may read only `input` and nodes defined before it")
                } else if inputsByName[input] != nil {
                    inputNode.error("`\(input)` is defined after `\(node.spec.name)`; define a node before the nodes that read it")
                } else {
                    let hint = Suggestions.nearest(to: input, in: earlier).map { "did you mean `\($0)`?" }
                        ?? "`\(node.spec.name)` may read \(earlier.map { "`\($0)`" }.joined(separator: ", "))"
                    inputNode.error("unknown node `\(input)`; \(hint)")
                }
            }
        }
        return valid
    }

    /// The chain of names from `start` to `target` following inputs, both ends
    /// included; nil when `start` does not read `target`.
    private static func path(from start: String, to target: String, inputsByName: [String: [String]]) -> [String]? {
        var visited: Set<String> = []
        func search(_ name: String) -> [String]? {
            if name == target { return [name] }
            guard visited.insert(name).inserted, let inputs = inputsByName[name] else { return nil }
            for input in inputs {
                if let rest = search(input) { return [name] + rest }
            }
            return nil
        }
        return search(start)
    }

    private static func checkOutput(_ output: Output, at node: ConfigNode, names: [String]) -> Bool {
        var valid = true
        func check(_ name: String, at place: ConfigNode) {
            guard !names.contains(name) else { return }
            valid = false
            if name == GraphNetwork.inputName {
                place.error("the output must be a node, not the network's input")
                return
            }
            let hint = Suggestions.nearest(to: name, in: names).map { "did you mean `\($0)`?" }
                ?? "the nodes are \(names.map { "`\($0)`" }.joined(separator: ", "))"
            place.error("unknown node `\(name)`; \(hint)")
        }
        switch output {
        case .node(let name):
            check(name, at: node)
        case .gaussianHeads(let mean, let logVariance):
            guard case .mapping(let mapping) = node.node else { return false }
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string else { continue }
                check(key == "z_mean" ? mean : logVariance, at: node.child(key, valueNode))
            }
        }
        return valid
    }

    /// Every node feeds the output, so that a file holds no dead branches.
    private static func checkAllUsed(_ nodes: [WrittenNode], output: Output) -> Bool {
        let inputsByName = Dictionary(uniqueKeysWithValues: nodes.map { ($0.spec.name, $0.spec.inputs) })
        var used: Set<String> = []
        var pending = output.nodeNames
        while let name = pending.popLast() {
            guard used.insert(name).inserted else { continue }
            pending += inputsByName[name] ?? []
        }
        let unused = nodes.filter { !used.contains($0.spec.name) }
        for node in unused {
            node.nameNode.error("node `\(node.spec.name)` is not used by the output; remove it or read it from another node")
        }
        return unused.isEmpty
    }

    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
