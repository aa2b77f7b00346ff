#!/usr/bin/env node
'use strict';
// The bundle is built by `npm install` (the root package's prepare step).
require('../dist/corroborate.js');
