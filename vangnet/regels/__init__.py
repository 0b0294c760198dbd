"""De regels: vangnetregeling, LKS-budget volgens de T-1-systematiek, prijzen en doorrekening.

Elke regel is een pure functie over getallen; wettelijke getallen komen uit de gedateerde
parameters (:mod:`vangnet.regels.parameters`), nooit uit de code zelf.
"""
