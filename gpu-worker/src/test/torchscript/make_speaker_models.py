"""Makes the TorchScript active-speaker models the tests load (python3-torch from Debian; run from this folder).

Every model takes the inputs ClipForge gives a speaker model and returns a speaking score per track and frame:
  forward(motion: [tracks, frames], present: [tracks, frames], energy: [1, frames]) -> [tracks, frames] in 0..1

- motion_energy.pt: mouth motion times speech energy, smoothed over about a second and normalised per frame
  across the faces seen: a small model in the spirit of the built-in heuristic, written independently.
- first_track.pt: says the first track always speaks, whatever the media: proves the model, not the heuristic,
  decides.
- wrong_shape.pt: returns one score per frame instead of one per track and frame: must be refused at load.
"""
import torch


class MotionEnergy(torch.nn.Module):
    def forward(self, motion: torch.Tensor, present: torch.Tensor, energy: torch.Tensor) -> torch.Tensor:
        drive = motion * present * energy
        kernel = torch.ones(1, 1, 25) / 25.0
        smooth = torch.nn.functional.conv1d(drive.unsqueeze(1), kernel, padding=12).squeeze(1)
        best = smooth.max(dim=0, keepdim=True).values.clamp(min=1e-9)
        speaking = (energy > 1e-6).float()
        return (smooth / best) * present * speaking


class FirstTrack(torch.nn.Module):
    def forward(self, motion: torch.Tensor, present: torch.Tensor, energy: torch.Tensor) -> torch.Tensor:
        out = torch.zeros_like(motion)
        out[0] = present[0]
        return out


class WrongShape(torch.nn.Module):
    def forward(self, motion: torch.Tensor, present: torch.Tensor, energy: torch.Tensor) -> torch.Tensor:
        return energy


for name, module in [("motion_energy", MotionEnergy()), ("first_track", FirstTrack()), ("wrong_shape", WrongShape())]:
    torch.jit.script(module).save("../resources/speaker-models/" + name + ".pt")
    print("wrote", name)
