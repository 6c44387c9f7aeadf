/** Test-only classes added to the deployed EAR to provoke failures no production route allows. */
package dev.agentry.it.probe;
