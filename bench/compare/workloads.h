// The workloads of the kstool / keytool comparison (issue 5): their input
// stores, their command lines and what their formats force (the floor).
#pragma once

#include <string>
#include <vector>

#include "floor.h"
#include "kstore/status.h"

namespace kstore::compare {

struct Workload {
  std::string name;
  std::string input;               // file name in the work directory
  std::vector<std::string> args;   // keytool/kstool arguments; {in} and {out} are replaced per run
  bool writes = false;             // the command changes {in} or creates {out}: fresh copy every run
  std::string kstool_workers;      // KSTORE_WORKERS for kstool, empty for the default
  FloorCount floor;                // filled in by fill_floor_counts once the inputs exist
  bool slow_for_keytool = false;   // run keytool fewer times
};

// Writes every input store into `dir`, with kstore itself (bench/workload.h).
// The ~150-certificate cacerts is the system's JDK cacerts when present.
Status generate_inputs(const std::string& dir, bool quiet);

std::vector<Workload> all_workloads();

// The derivations and hash passes each workload's formats force, sized by
// its input file.
void fill_floor_counts(std::vector<Workload>& workloads, const std::string& dir);

}  // namespace kstore::compare
