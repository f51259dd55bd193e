// Entry point of the osprey command; the command set is wired in Osprey.Cli.OspreyApp.
return 0;
