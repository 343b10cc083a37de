// A second small release for end-to-end specs, on top of mini9: another version, Peridot project and
// extra-files branch, so two composes of different recipes can run side by side.
include 'mini9.groovy'

release version: '8.1'
source peridot, project: 'mini8'
extraFiles ref: 'm8'
