import AAECore
import AAEExperiment
import Foundation

/// Measures one model's training step at several thread counts in one process:
/// speed, the sgemm floor, and memory. The step is a run's own
/// (`TrainingLoop.step`: the next batch, its learning rates, the model's
/// update), made on a `WorkerPool` of each thread count in turn; results do not
/// depend on the pool, so one model serves them all.
struct ModelBenchmark {
    let name: String
    let experiment: Experiment
    let data: LabeledImages
    let threadCounts: [Int]
    let windows: Int
    let stepsPerWindow: Int
    /// Steps run before memory is read the second time (0 skips memory figures).
    let memorySteps: Int

    /// One figure of the benchmark table.
    struct Figure {
        let name: String
        let value: Double
    }

    /// The figures of each thread count, in the order of `threadCounts`.
    func run() -> [(threads: Int, figures: [Figure])] {
        let pools = threadCounts.map { WorkerPool(threads: $0) }
        defer { pools.forEach { $0.shutDown() } }
        let model = ModelBuilder.model(experiment, inputFeatures: data.featureCount, seed: experiment.seed)
        let batchSize = experiment.training.batchSize
        let loop: TrainingLoop
        do {
            loop = try TrainingLoop(experiment: experiment, model: model, train: data, batchSize: batchSize)
        } catch {
            fatalError("\(experiment.name): \(error)")
        }
        // Memory is read after step 200 and after `memorySteps` steps; the warm-up and
        // the timed windows count towards both.
        var stepsTaken = 0
        var rss200 = Double.nan, peak200 = Double.nan
        let countedStep = {
            loop.step()
            stepsTaken += 1
            if stepsTaken == 200 {
                rss200 = ProcessMemory.residentBytes()
                peak200 = ProcessMemory.residentBytes(peak: true)
            }
        }
        for pool in pools { pool.bind { for _ in 0..<50 { countedStep() } } }

        let recorder = GemmRecorder()
        BLAS.gemmRecorder = recorder
        pools[0].bind { countedStep() }
        BLAS.gemmRecorder = nil
        let floor = GemmFloor(calls: recorder.calls)
        for pool in pools { pool.bind { for _ in 0..<20 { floor.replayOnCachedBuffers() } } }

        // Allocations are counted over windows timed alone; speed over alternating
        // windows of steps and floor replays on every pool, so that all see the same machine.
        let timedSteps = Double(windows * stepsPerWindow)
        let allocations = pools.map { pool in
            pool.bind {
                let before = ProcessMemory.allocations()
                for _ in 0..<windows * stepsPerWindow { countedStep() }
                let after = ProcessMemory.allocations()
                for _ in 0..<windows * stepsPerWindow { floor.replay() }
                let afterFloor = ProcessMemory.allocations()
                return (steps: (calls: (after.calls - before.calls) / timedSteps,
                                bytes: (after.bytes - before.bytes) / timedSteps),
                        floor: (afterFloor.calls - after.calls) / timedSteps)
            }
        }
        let bodies: [() -> Void] = pools.flatMap { pool in
            [{ pool.bind(countedStep) }, { pool.bind(floor.replay) }, { pool.bind(floor.replayOnCachedBuffers) }]
        }
        let seconds = Timing.medianSeconds(windows: windows, repetitions: stepsPerWindow, bodies)
        let firstStepSeconds = seconds[0]

        var results: [(threads: Int, figures: [Figure])] = []
        for (index, pool) in pools.enumerated() {
            let stepSeconds = seconds[3 * index], floorSeconds = seconds[3 * index + 1]
            let cachedFloorSeconds = seconds[3 * index + 2]
            let productsShare = pool.bind { productsShareOfStep(countedStep) }
            var figures = [
                Figure(name: "steps_per_s", value: 1 / stepSeconds),
                Figure(name: "samples_per_s", value: Double(batchSize) / stepSeconds),
                Figure(name: "step_ms", value: stepSeconds * 1000),
                Figure(name: "floor_ms", value: floorSeconds * 1000),
                Figure(name: "floor_steps_per_s", value: 1 / floorSeconds),
                Figure(name: "step_over_floor", value: stepSeconds / floorSeconds),
                Figure(name: "cached_floor_ms", value: cachedFloorSeconds * 1000),
                Figure(name: "step_over_cached_floor", value: stepSeconds / cachedFloorSeconds),
                Figure(name: "step_products_ms", value: stepSeconds * productsShare * 1000),
                Figure(name: "step_other_ms", value: stepSeconds * (1 - productsShare) * 1000),
                Figure(name: "gemm_calls_per_step", value: Double(recorder.calls.count)),
                Figure(name: "gemm_gflops", value: floor.flops / floorSeconds / 1e9),
                Figure(name: "allocations_per_step", value: allocations[index].steps.calls),
                Figure(name: "bytes_allocated_per_step", value: allocations[index].steps.bytes),
                Figure(name: "floor_allocations_per_step", value: allocations[index].floor),
            ]
            if index > 0 {
                figures.append(Figure(name: "speedup_over_\(threadCounts[0])_thread",
                                      value: firstStepSeconds / stepSeconds))
            }
            results.append((pool.threadCount, figures))
        }
        if memorySteps > 200 {
            pools[0].bind { while stepsTaken < memorySteps { countedStep() } }
            let rssEnd = ProcessMemory.residentBytes(), peakEnd = ProcessMemory.residentBytes(peak: true)
            results[0].figures += [
                Figure(name: "rss_mib_after_200_steps", value: rss200 / 1_048_576),
                Figure(name: "rss_mib_after_\(memorySteps)_steps", value: rssEnd / 1_048_576),
                Figure(name: "peak_rss_mib_after_200_steps", value: peak200 / 1_048_576),
                Figure(name: "peak_rss_mib_after_\(memorySteps)_steps", value: peakEnd / 1_048_576),
                Figure(name: "rss_growth_mib", value: (rssEnd - rss200) / 1_048_576),
            ]
        }
        return results
    }

    /// The fraction of a step's time spent inside its products, over windows of
    /// steps timed with `BLAS.gemmClock` (the rest is the step's own work:
    /// activations, losses, optimizer, bookkeeping).
    private func productsShareOfStep(_ step: () -> Void) -> Double {
        let clock = GemmClock()
        BLAS.gemmClock = clock
        defer { BLAS.gemmClock = nil }
        let start = clock.now()
        for _ in 0..<windows * stepsPerWindow { step() }
        return clock.seconds / (clock.now() - start)
    }
}
