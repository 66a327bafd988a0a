import AAECore
import Foundation

/// Turns a `sweep:` section into the list of its runs' assignments, in a fixed
/// order: the cartesian product grid × zip × random × seeds, the last factor
/// varying fastest (within the grid, the last key varies fastest).
///
/// Random points are drawn from the search's own seed, so the list is the same
/// on every expansion, whatever else the sweep does.
public enum SweepExpansion {
    /// The assignments of every run, in expansion order.
    public static func points(of sweep: SweepSpec) -> [[SweepAssignment]] {
        var factors: [[[SweepAssignment]]] = sweep.grid.map { axis in
            axis.values.map { [SweepAssignment(keyPath: axis.key.path, value: $0)] }
        }
        if let length = sweep.zip.first?.values.count {
            factors.append((0..<length).map { row in
                sweep.zip.map { SweepAssignment(keyPath: $0.key.path, value: $0.values[row]) }
            })
        }
        if let random = sweep.random { factors.append(draws(random)) }
        if !sweep.seeds.isEmpty {
            factors.append(sweep.seeds.map { [SweepAssignment(keyPath: "seed", value: .init(yaml: String($0), label: String($0)))] })
        }
        return factors.reduce([[]]) { points, factor in
            points.flatMap { point in factor.map { point + $0 } }
        }
    }

    /// The swept key paths in the order of each point's assignments.
    public static func keyPaths(of sweep: SweepSpec) -> [String] {
        sweep.keys.map(\.path) + (sweep.seeds.isEmpty ? [] : ["seed"])
    }

    /// `random.samples` points, each key drawn in the order of the space.
    static func draws(_ random: SweepSpec.RandomSearch) -> [[SweepAssignment]] {
        var generator = RandomGenerator(seed: random.seed, stream: RandomStreams.sweepSearch)
        return (0..<random.samples).map { _ in
            random.space.map { dimension in
                SweepAssignment(keyPath: dimension.key.path, value: draw(dimension.distribution, &generator))
            }
        }
    }

    private static func draw(_ distribution: SweepSpec.Distribution, _ random: inout RandomGenerator) -> SweepSpec.Value {
        switch distribution {
        case .uniform(let low, let high):
            return SweepSpec.Value(drawn: low + (high - low) * random.nextDouble())
        case .logUniform(let low, let high):
            let logLow = Foundation.log(low), logHigh = Foundation.log(high)
            return SweepSpec.Value(drawn: Foundation.exp(logLow + (logHigh - logLow) * random.nextDouble()))
        case .choice(let values):
            return values[random.nextInt(below: values.count)]
        }
    }

    /// The seed of a run that does not set `seed` itself: a mix of the
    /// experiment's seed and the run's assignments, so it depends on nothing
    /// else (not the run's position, nor which runs finish first). 31 bits, to
    /// stay readable in config.resolved.yaml.
    public static func derivedSeed(experimentSeed: UInt64, assignments: [SweepAssignment]) -> UInt64 {
        let text = "\(experimentSeed)\n" + assignments.map { "\($0.keyPath)=\($0.value.yaml)" }.joined(separator: "\n")
        return FNV1a.hash(text) & 0x7FFF_FFFF
    }
}
