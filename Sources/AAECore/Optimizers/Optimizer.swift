/// Updates a chosen set of parameters from their gradients.
///
/// An optimizer is bound to its parameters when it is made, so the AAE's
/// generator phase can update the encoder alone while the discriminator's
/// gradients, computed in the same backward pass, are left unused. Adding an
/// optimizer is one type conforming to this protocol plus one registry entry.
public protocol Optimizer: AnyObject {
    /// The parameters this optimizer updates.
    var parameters: [Parameter] { get }
    /// The step size; a schedule may change it between steps.
    var learningRate: Float { get set }
    /// The number of updates made so far; settable so that a checkpoint can restore it.
    var iterations: Int { get set }
    /// Applies one update using each parameter's current gradient.
    func step()
    /// Internal state (moments, velocities) for checkpoints, in a fixed order.
    var stateTensors: [Tensor] { get }
}
