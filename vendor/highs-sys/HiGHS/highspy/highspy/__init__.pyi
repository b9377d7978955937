from . import _core
from ._core import (
    BasisValidity,
    HessianFormat,
    HighsBasis,
    HighsBasisStatus,
    HighsHessian,
    HighsInfo,
    HighsInfoType,
    HighsLinearObjective,
    HighsLogType,
    HighsLp,
    HighsModel,
    HighsModelStatus,
    HighsObjectiveSolution,
    HighsOptions,
    HighsOptionType,
    HighsPresolveStatus,
    HighsRanging,
    HighsRangingRecord,
    HighsSolution,
    HighsSparseMatrix,
    HighsStatus,
    HighsVarType,
    IisBoundStatus,
    IisStatus,
    IisStrategy,
    MatrixFormat,
    ObjSense,
    SolutionStatus,
    cb,
    simplex_constants,
)
from .highs import Highs, HighsCallback, HighsCallbackEvent, HighspyArray, highs_cons, highs_linear_expression, highs_var

__all__: list[str] = [
    "HIGHS_VERSION_MAJOR",
    "HIGHS_VERSION_MINOR",
    "HIGHS_VERSION_PATCH",
    "BasisValidity",
    "HessianFormat",
    "Highs",
    "HighsBasis",
    "HighsBasisStatus",
    "HighsCallback",
    "HighsCallbackEvent",
    "HighsHessian",
    "HighsInfo",
    "HighsInfoType",
    "HighsLinearObjective",
    "HighsLogType",
    "HighsLp",
    "HighsModel",
    "HighsModelStatus",
    "HighsObjectiveSolution",
    "HighsOptionType",
    "HighsOptions",
    "HighsPresolveStatus",
    "HighsRanging",
    "HighsRangingRecord",
    "HighsSolution",
    "HighsSparseMatrix",
    "HighsStatus",
    "HighsVarType",
    "HighspyArray",
    "IisBoundStatus",
    "IisStatus",
    "IisStrategy",
    "MatrixFormat",
    "ObjSense",
    "SolutionStatus",
    "__doc__",
    "cb",
    "highs_cons",
    "highs_linear_expression",
    "highs_var",
    "kBasisValidityInvalid",
    "kBasisValidityValid",
    "kHighsIInf",
    "kHighsInf",
    "kHighsUndefined",
    "kSolutionStatusFeasible",
    "kSolutionStatusInfeasible",
    "kSolutionStatusNone",
    "simplex_constants",
]

HIGHS_VERSION_MAJOR: int
HIGHS_VERSION_MINOR: int
HIGHS_VERSION_PATCH: int
kBasisValidityInvalid: _core.BasisValidity
kBasisValidityValid: _core.BasisValidity
kHighsIInf: int
kHighsInf: float
kHighsUndefined: float
kSolutionStatusFeasible: _core.SolutionStatus
kSolutionStatusInfeasible: _core.SolutionStatus
kSolutionStatusNone: _core.SolutionStatus
