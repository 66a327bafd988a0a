/// The `sweep:` section as `aae-run show` prints it (after the experiment's
/// other keys), in a form that reads back as the same sweep.
extension SweepSpec {
    var resolvedYAML: String {
        var lines = ["sweep:"]
        func axes(_ name: String, _ axes: [Axis]) {
            guard !axes.isEmpty else { return }
            lines.append("  \(name):")
            for axis in axes {
                lines.append("    \(YAMLScalar.string(axis.key.path)): [\(axis.values.map(\.yaml).joined(separator: ", "))]")
            }
        }
        axes("grid", grid)
        axes("zip", zip)
        if let random {
            lines += ["  random:", "    samples: \(random.samples)", "    seed: \(random.seed)", "    space:"]
            for dimension in random.space {
                lines.append("      \(YAMLScalar.string(dimension.key.path)): \(Self.yaml(dimension.distribution))")
            }
        }
        if !seeds.isEmpty { lines.append("  seeds: [\(seeds.map(String.init).joined(separator: ", "))]") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func yaml(_ distribution: Distribution) -> String {
        switch distribution {
        case .uniform(let low, let high):
            return "{uniform: [\(YAMLScalar.number(low)), \(YAMLScalar.number(high))]}"
        case .logUniform(let low, let high):
            return "{log_uniform: [\(YAMLScalar.number(low)), \(YAMLScalar.number(high))]}"
        case .choice(let values):
            return "{choice: [\(values.map(\.yaml).joined(separator: ", "))]}"
        }
    }
}
