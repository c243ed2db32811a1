/**
 * Nicknames and short forms of given names, French and English: each line is a
 * formal name followed by its usual short forms. `rob` and `robert` then
 * compare at the "nickname" level instead of "different".
 */
const TABLE = `
alexander alex alec sandy xander
alexandre alex alexis sacha
alexandra alex sandra sasha sacha
andrew andy drew
anthony tony
antoine tony toine
benjamin ben benji benny
catherine cathy kate katie cat cath kathy
katherine kathy kate katie kat
christopher chris kit topher
christophe chris
christian chris
christine chris tine
daniel dan danny dany
david dave davy
dominique dom domi
edward ed eddie ted ned
elizabeth liz lizzie beth betty eliza libby
emmanuel manu
emmanuelle manue
florence flo
florian flo
frederic fred
frederick fred freddie
francois fanfan
francoise fanfan
gregory greg
gregoire greg
isabelle isa
jacqueline jackie
james jim jimmy jamie
jennifer jenny jen
jean jeannot
jeanpierre jp
jeanfrancois jf
jeanmarie jm
jessica jess jessie
john johnny jack
jonathan jon jonny
joseph joe joey jo
josephine jo josie
laurent lolo
margaret maggie meg peggy marge
marguerite maggy
matthew matt
michael mike mick mickey
michel mich
nathalie nath
nathaniel nate nat
nicholas nick nicky
nicolas nico
patricia pat patty trish
patrick pat paddy
philippe phil
philip phil pip
rebecca becky becca
richard rick rich dick ricky
robert rob bob bobby robbie bert
ronald ron ronnie
samuel sam sammy
samantha sam sammy
sebastien seb
stephane steph
stephanie steph
steven steve
stephen steve
susan sue susie
theodore theo ted
thomas tom tommy
timothy tim timmy
valerie val
victoria vicky tori
william will bill billy willy liam
`;

/** (name, canonical) rows: every short form, and every formal name with itself. */
export function nicknameRows(): [string, string][] {
  const rows: [string, string][] = [];
  for (const line of TABLE.trim().split("\n")) {
    const [formal, ...short] = line.trim().split(/\s+/);
    if (!formal) continue;
    rows.push([formal, formal], ...short.map((s) => [s, formal] as [string, string]));
  }
  return rows;
}
