/**
 * The English words the statement finder reads by: speech and verdict verbs, two-word cues, participles, the words
 * of time, role and title, names that are not names, and the bounds in tokens that keep every look-around short.
 */

export const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Finite verbs that attribute speech or a stated position. */
export const SPEECH_VERBS = words(`
  said says say stated states told tells added adds commented comments revealed reveals retorted retorts
  insisted insists warned warns called calls urged urges noted notes argued argues claimed claims denied denies
  admitted admits stressed stresses announced announces explained explains replied replies expects believes
  believed declared declares asserted asserts maintained maintains suggested suggests acknowledged acknowledges
  conceded concedes confirmed confirms emphasised emphasises emphasized emphasizes underlined underlines
  reiterated reiterates responded responds answered remarked observed wrote writes tweeted promised vowed vows
  pledged pledges predicted predicts cautioned cautions complained complains countered alleged alleges
  demanded demands proposed proposes objected hopes hoped thinks feels reckons contended contends recalled
  assured assures informed informs reminded reminds agreed agrees disagreed disagrees protested asked asks
  continued concluded joked quipped
`);

/** Verbs that pass a verdict given in quotation marks after "as": "rejected the statement as “irresponsible”". */
export const VERDICT_VERBS = words(`
  rejected rejects dismissed dismisses described describes branded brands condemned condemns denounced
  denounces labelled labels labeled characterised characterized termed criticised criticized hailed hails
  welcomed welcomes praised praises
`);

/** Verbs that only ever introduce a quotation, never a reported clause of their own. */
export const QUOTE_ONLY_VERBS = words('continued concluded joked quipped');

/** Verbs whose first object is the listener, not the statement: "told RT that …", "assured reporters …". */
export const LISTENER_VERBS = words('told tells assured assures informed informs reminded reminds promised');

/** Two-word cues: "expressed hope that …", "made clear that …", "pointed out that …". */
export const PHRASAL: Record<string, ReadonlySet<string>> = {
  expressed: words('hope hopes concern concerns confidence regret doubt doubts optimism satisfaction fears'),
  voiced: words('hope concern confidence regret doubt doubts optimism satisfaction fears'),
  made: words('clear'),
  pointed: words('out'),
};

export const LONGEST_CUE_WORD = Math.max(
  ...[...SPEECH_VERBS, ...Object.keys(PHRASAL), 'according'].map((w) => w.length),
);

/** "…, adding: “…”": the participle carries the speaker of the sentence it ends. */
export const PARTICIPLES = words(
  'adding saying insisting noting stressing warning explaining arguing declaring',
);

/** When something was said, between the verb and what follows it: "said Monday, adding", "told … later that day that". */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday yesterday today tonight later earlier afterwards
  on late last this
`);
export const TIME_NOUNS = words('day week month year morning afternoon evening night weekend');

/** Words that pass from what was said to the reporter's own: "…, despite a letter", "…, a point campaigners …". */
export const REPORTER_TAILS = words('despite amid');
export const REPORTER_NOUNS = words(
  'point claim view charge move remark assertion argument position stance figure',
);
/** "…, but refused to say …": what the speaker would not say is no part of what they said. */
export const REFUSALS = words('refused declined');

/** Verbs of saying and nothing else: "… and said B" reports a second statement even without "that". */
export const SAYING = words('said added insisted warned argued stressed noted claimed told');

/** Verbs that take a clause of their own after "that": "and that was why" is no second statement. */
export const FINITE = words(
  'is was were are has had have would will could can must should may might does did do',
);

/** "…, calling the plan “…”": the quoted words are the verdict of the sentence's speaker. */
export const CALLING = words('calling describing branding labelling labeling terming dubbing');

/** Verbs that name something and give the verdict on it next: "called the decision ‘shameful’". */
export const CALLED = words('called calls branded brands labelled labeled dubbed termed');

/** "X was blunt: “…”": the manner of a statement that follows a colon. */
export const MANNERS = words(
  'blunt clear adamant emphatic defiant unequivocal direct categorical unambiguous firm frank candid',
);

/** Between a subject and its verb: "Lavrov has also said", "he later told". */
export const AUXILIARIES = words(`
  has had have also later then again once further earlier previously repeatedly reportedly publicly firmly
  flatly openly clearly bluntly strongly angrily calmly recently already subsequently separately yesterday today
  himself herself itself themselves
`);

export const SUBJECT_PRONOUNS = words('he she');

/** Words that begin a clause, so a reported clause cannot have started yet when one of them follows the verb. */
export const CLAUSE_WORDS = words(`
  he she it they we i you there this these those who which what would will could can is was were are has had have
  must should may might does did do shall not be been being
`);

export const DETERMINERS = words('the a an his her its their our');

/** What one calls without stating anything: "called its first strike", "called a snap election". */
export const CALLED_EVENTS = words(`
  strike strikes walkout walkouts meeting meetings election elections vote votes ballot referendum halt summit
  session sessions conference ceasefire truce recess
`);

export const LISTENERS = words(`
  reporters journalists lawmakers legislators parliament voters supporters listeners viewers audience
  newspaper agency broadcaster channel press him her them us me you delegates students radio station television
  programme podcast magazine paper website committee meeting hearing inquiry crowd
`);

export const PREPOSITIONS = words(`
  in at on during after before to while following via through from with without over under last this yesterday
  today earlier later when as about for by outside inside near ahead behind amid among across around beside
  despite into upon within late shortly soon
`);

/** Lower-case words that name a role ("the British foreign minister", "officials"). */
export const ROLE_HEADS = words(`
  minister ministers secretary spokesman spokeswoman spokesperson spokespeople official officials president
  premier chancellor ambassador envoy diplomat diplomats negotiator negotiators commissioner representative
  representatives adviser advisers advisor advisors aide aides head chief leader leaders director chairman
  chairwoman chair governor mayor senator senators lawmaker lawmakers legislator prosecutor prosecutors police
  ministry government embassy counterpart source sources lawyer lawyers attorney king queen prince emir mp mps
  deputy party administration office department commission council cabinet presidency authorities court judge
  regulator delegation side team camp executive executives manager managers founder campaigner campaigners
  activist activists analyst analysts economist economists expert experts scientist scientists researcher
  researchers professor organiser organisers organizer organizers coordinator association union unions federation alliance society board company firm group
  groups companies firms organisations organizations associations authority mediator mediators observer
  observers monitors inspector inspectors investigators rapporteur commentator commentators strategist
  pollster pollsters historian academic academics residents critics opponents protesters protestors
`);

/** Lower-case words that qualify a role but cannot end a speaker's name. */
export const ROLE_MODIFIERS = words(`
  foreign prime deputy vice senior junior top former acting chief trade commerce economy economic finance defence
  defense interior justice home state press general first health energy environment security national federal
  assistant executive special permanent presidential government ministry embassy party opposition military
  official own
`);

/** Name particles, taken only between capitalised words: "Ursula von der Leyen". */
export const PARTICLES = words('von van der den de del della da di du la le bin ibn al el ter dos das');

/** "Secretary of State", "a spokesman for the Kremlin", "Commuters in Manchester", "a lawyer at the firm". */
export const CONNECTORS = words('of for in at');

/** Who speaks "to" or "close to" someone: "an aide to Stenn", "a source close to Brandt". */
export const CLOSE_TO = words(
  'aide aides adviser advisers advisor advisors source sources ally allies spokesman spokeswoman',
);

/** Titles written with a full stop that does not end a sentence. */
export const TITLES = words(`
  mr mrs ms dr prof gen sen rep gov lt col capt sgt st rev hon pres amb adm maj cmdr supt insp messrs mme mlle
  sr jr
`);

export const ABBREVIATIONS = words(`
  etc vs e.g i.e no inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec fig approx
`);

export const MALE_TITLES = words('mr sir lord king prince mister monsieur herr');
export const FEMALE_TITLES = words('mrs ms miss madam lady dame queen princess mme mlle madame frau');

/** Capitalised words that are not names, mostly because they open sentences. */
export const NOT_NAMES = words(`
  the a an and but or so yet then when while after before as if although though because since on in at by for
  from with without during meanwhile however yesterday today tonight tomorrow earlier later last next this that
  these those also still now here there it he she they we i you his her their our its my your speaking asked
  according despite following under over among instead indeed moreover furthermore nevertheless separately
  elsewhere unfortunately finally first second both all some many most several such what which who whom whose
  where why how not no yes to of about into through between against across up down out off again further once
  only even just too very every each other another any nor either neither whether until unless upon within
  along around behind beyond near towards toward amid regarding concerning thus hence therefore otherwise
  perhaps maybe well monday tuesday wednesday thursday friday saturday sunday january february march april june
  july august september october november december
`);

/** Words with an apostrophe for letters left out at their start ("'em"), not an opening quote mark. */
export const ELISIONS = words('n em tis twas til cause bout round');

export const TERMINALS = new Set(['.', '!', '?', '…']);

/** A clock time, and the zones or words that may follow it in a live blog's stamp. */
export const TIME = /^\d{1,2}[:.]\d{2}(?:am|pm)?$/i;
export const ZONES = words('gmt bst utc cet cest est edt pst pdt et ist am pm local');

/** Bounds, in tokens, that keep every look-around short however long a sentence runs. */
export const LONGEST_NAME = 16;
export const LONGEST_ADVERBIAL = 20;
/** A reported clause is one sentence; past this length the "sentence" is a list or a run-on, not a statement. */
export const LONGEST_STATEMENT = 300;
