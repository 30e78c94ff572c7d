import { describe, expect, it } from 'vitest';
import { claims } from './helpers/claims.js';

/** One test per cue pattern, on sentences we wrote, with the exact source, cue and content expected. */
describe('cue patterns', () => {
  it('"called X Y" reports when a quotation follows within reach', () => {
    expect(claims('The mayor called the council\'s decision on Tuesday "a slap in the face" for residents.').map((c) => [c.source, c.cue, c.content])).toEqual([
      ['mayor', 'called', 'the council\'s decision on Tuesday "a slap in the face" for residents'],
    ]);
  });

  it('a second verb after "and" shares the subject of the first', () => {
    expect(claims('Ortega promised to keep working with the union and said she would fight the lawsuit.').map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Ortega', 'said', 'she would fight the lawsuit'],
    ]);
  });

  it('subject + reporting verb, with an appositive in the source span', () => {
    expect(claims('Ada Brenner, the State Department spokeswoman, said the talks would resume in May.')).toEqual([
      { source: 'Ada Brenner', type: 'person', mention: 'Ada Brenner, the State Department spokeswoman', cue: 'said', content: 'the talks would resume in May', kind: 'indirect', via: [], hedged: false, pattern: 'verb' },
    ]);
  });

  it('inverted order: "…," said X', () => {
    expect(claims('"We will not reopen the bridge," said Marta Ellison, the chief engineer.')).toMatchObject([
      { source: 'Marta Ellison', mention: 'Marta Ellison, the chief engineer', cue: 'said', content: '"We will not reopen the bridge,"', kind: 'direct', pattern: 'inverted' },
    ]);
  });

  it('a subject with an appositive before the verb is no inverted claim: the verb\'s object is not its source', () => {
    expect(claims('Lena Ortiz, the mayor\'s chief of staff, noted the rule in an interview last week.').map((c) => [c.source, c.mention, c.cue, c.content])).toEqual([
      ['Lena Ortiz', 'Lena Ortiz, the mayor\'s chief of staff', 'noted', 'the rule in an interview last week'],
    ]);
    expect(claims('Dana Whitfield, a spokeswoman for the airline, said Thursday the flights would resume.').map((c) => [c.source, c.content])).toEqual([['Dana Whitfield', 'the flights would resume']]);
    // a bracket after the name, then an appositive: the name is still the subject
    expect(claims('Sen. Ana Ruiz (D-NY), a supporter of Omar Farah\'s bid for mayor, told reporters she believed he would win.').map((c) => [c.source, c.mention])).toEqual([
      ['Ana Ruiz', 'Sen. Ana Ruiz (D-NY), a supporter of Omar Farah\'s bid for mayor'],
    ]);
    // a verb inside a relative clause makes no clause of the subject
    expect(claims('Ruiz, who had said she would debate the mayor, criticized him on two fronts.', { units: 'attributions' }).map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Ruiz', 'had said', 'she would debate the mayor'],
      ['Ruiz', 'criticized', 'him on two fronts'],
    ]);
    // a subject the sentence resumes after its source, and a quotation, still make an inverted claim
    expect(claims('The trouble with the plan, says Omar Farah, is that nobody funds it.').map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Omar Farah', 'says', 'The trouble with the plan, says Omar Farah, is that nobody funds it'],
    ]);
    expect(claims('The vote marks "the end of an era" for the port, said Omar Farah.').map((c) => [c.source, c.content])).toEqual([['Omar Farah', 'The vote marks "the end of an era" for the port']]);
  });

  it('a time right after the verb is no part of the content, unless it opens the clause\'s subject', () => {
    expect(claims('Dana Whitfield said on Thursday the flights would resume.').map((c) => c.content)).toEqual(['the flights would resume']);
    expect(claims('The airline announced Monday morning a plan to cut fares.').map((c) => c.content)).toEqual(['a plan to cut fares']);
    expect(claims('Dana Whitfield said Thursday\'s storm had grounded every flight.').map((c) => c.content)).toEqual(['Thursday\'s storm had grounded every flight']);
    expect(claims('Dana Whitfield said this year will be the busiest yet.').map((c) => c.content)).toEqual(['this year will be the busiest yet']);
  });

  it('an adjective before "to" and the verb describes the subject of "be": "was quick to point out"', () => {
    expect(claims('Nadia Brandt was quick to point out that the budget had grown.').map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Nadia Brandt', 'to point out', 'that the budget had grown'],
    ]);
    expect(claims('Younger voters are far more likely to say that the tax is unfair.').map((c) => c.source)).toEqual(['Younger voters']);
    // an expletive "it", a tough adjective, or no "be" leaves nobody who says it
    expect(claims('It is important to remember that the port closed in May.')).toEqual([]);
    expect(claims('Whether the port reopens is hard to say.')).toEqual([]);
    expect(claims('The mayor will have more to say about the port next week.')).toEqual([]);
  });

  it('an infinitive cue shares the subject of the verb that governs the phrase before it, unless that phrase can speak', () => {
    expect(claims('Nadia Brandt took to Twitter to say that the port would reopen.').map((c) => [c.source, c.cue])).toEqual([['Nadia Brandt', 'to say']]);
    expect(claims('The mayor also took the opportunity to argue that taxes were too high.').map((c) => c.source)).toEqual(['mayor']);
    expect(claims('Her campaign sent Omar Farah to tell voters that the polls were wrong.').map((c) => c.source)).toEqual(['Omar Farah']);
    expect(claims('His inability to explain the budget hurt him.')).toEqual([]);
  });

  it('a dateline is no subject: "WASHINGTON (AP) — X has attacked the plan, saying …"', () => {
    expect(claims('WASHINGTON (AP) — Sen. Ana Ruiz has attacked the plan, saying it would fail.').map((c) => [c.source, c.cue])).toEqual([['Ana Ruiz', 'saying']]);
    // a hyphen inside a party affiliation is no dateline's dash
    expect(claims('Sen. Omar Farah (R-Pa.) refused to back the plan, saying it would fail.').map((c) => c.source)).toEqual(['Omar Farah']);
  });

  it('a part of a group speaks with its quantity: "Nearly eight of 10 voters", "Some of the women"', () => {
    const text = 'Nearly eight of 10 voters say the race is close. Only 48 percent of registered members agreed that the plan works. Some of the nurses said they had been ignored.';
    expect(claims(text, { units: 'attributions' }).map((c) => [c.source, c.mention])).toEqual([
      ['Nearly eight of 10 voters', 'Nearly eight of 10 voters'],
      ['Only 48 percent of registered members', 'Only 48 percent of registered members'],
      ['Some of the nurses', 'Some of the nurses'],
    ]);
  });

  it('quote first, then "X said"', () => {
    expect(claims('"We will not reopen the bridge," Marta Ellison said.')).toMatchObject([
      { source: 'Marta Ellison', mention: 'Marta Ellison', cue: 'said', content: '"We will not reopen the bridge,"', kind: 'direct' },
    ]);
  });

  it('a comma before "told" closes an aside around the speaker: the addressee after the verb is not the source', () => {
    expect(claims('“We will not back down,” the union\'s president, Tom Hale, told reporters after the vote.')).toMatchObject([
      { source: 'Tom Hale', mention: 'the union\'s president, Tom Hale', cue: 'told', content: '“We will not back down,”', kind: 'direct', pattern: 'inverted' },
    ]);
  });

  it('"X, he said, Y": the claim the attribution interrupts runs on to the end of the sentence, unless a participle or a phrase follows', () => {
    expect(claims('The report, Hale said, is deeply flawed.').map((c) => [c.source, c.cue, c.content])).toEqual([['Hale', 'said', 'The report, Hale said, is deeply flawed']]);
    expect(claims('The report is flawed, Hale said, in a statement.').map((c) => [c.source, c.cue, c.content])).toEqual([['Hale', 'said', 'The report is flawed']]);
    expect(claims('To prevent delays, Hale said, the council should vote today.').map((c) => [c.source, c.cue, c.content])).toEqual([['Hale', 'said', 'To prevent delays, Hale said, the council should vote today']]);
    expect(claims('After the vote, Hale said, "We will not back down."').map((c) => [c.source, c.cue, c.content])).toEqual([['Hale', 'said', '"We will not back down."']]);
  });

  it('a quotation that resumes after its attribution runs on to its closing mark, and is still direct', () => {
    const resumed = '“By signing early,” Ms. Ruiz said, “we saved a year of work. We expect nothing else.”';
    expect(claims(resumed, { units: 'attributions' })).toMatchObject([
      { source: 'Ruiz', cue: 'said', content: resumed, kind: 'direct', pattern: 'inverted' },
    ]);
    // as claims, a sentence each
    expect(claims(resumed).map((c) => [c.cue, c.kind, c.content])).toEqual([
      ['said', 'direct', '“By signing early,” Ms. Ruiz said, “we saved a year of work.'],
      ['said', 'direct', 'We expect nothing else.”'],
    ]);
    expect(claims('“By signing early,” Ms. Ruiz said. “We saved a year of work.”').map((c) => [c.cue, c.content])).toEqual([
      ['said', '“By signing early,”'],
      [null, '“We saved a year of work.”'],
    ]);
  });

  it('"and" joins two names into one source, but not a predicate\'s name to the next clause\'s subject', () => {
    expect(claims('Bhutan is largely Buddhist and the United Nations says the herders are struggling.').map((c) => [c.source, c.mention])).toEqual([['United Nations', 'the United Nations']]);
    expect(claims('The United Nations and the United States said the talks would resume.').map((c) => c.source)).toEqual(['United Nations', 'United States']);
  });

  it('"X and his Y" opening the clause is one subject; a second phrase with no determiner of its own is not a second source', () => {
    expect(claims('Mr. Rubio and his advisers recognized that the race would be long.').map((c) => [c.source, c.mention])).toEqual([['Rubio', 'Mr. Rubio and his advisers']]);
    expect(claims('The company and its founder agreed that the ads were false.').map((c) => [c.source, c.mention])).toEqual([['company and its founder', 'The company and its founder']]);
    expect(claims('The businessman and reality star announced that he would run.').map((c) => c.mention)).toEqual(['reality star']);
  });

  it('"asked X" after a question keeps the quote and its cue in one sentence', () => {
    expect(claims('"Is it over?" asked Smith.')).toMatchObject([{ source: 'Smith', cue: 'asked', content: '"Is it over?"', kind: 'direct' }]);
  });

  it('"according to X" trailing the claim', () => {
    expect(claims('The bridge will stay closed for six weeks, according to the Calder Transport Authority.')).toMatchObject([
      { source: 'Calder Transport Authority', type: 'government', mention: 'the Calder Transport Authority', cue: 'according to', content: 'The bridge will stay closed for six weeks' },
    ]);
  });

  it('"according to X" leading the claim', () => {
    expect(claims('According to the Calder Transport Authority, the bridge will stay closed for six weeks.')).toMatchObject([
      { source: 'Calder Transport Authority', cue: 'According to', content: 'the bridge will stay closed for six weeks' },
    ]);
  });

  it('"in the words of X" and "in X\'s words"', () => {
    expect(claims('In the words of one ferry captain, the harbour has never been this busy.')).toMatchObject([
      { source: 'one ferry captain', type: 'anonymous', cue: 'In the words of', content: 'the harbour has never been this busy', pattern: 'words' },
    ]);
    expect(claims("Marta Ellison inspected the cables. In Ellison's words, the cables are beyond repair.")).toMatchObject([
      { source: 'Marta Ellison', mention: 'Ellison', cue: "In Ellison's words", content: 'the cables are beyond repair', pattern: 'words' },
    ]);
  });

  it("\"X's report found\": a document as the source", () => {
    expect(claims("The ministry's report found that the cables had corroded.")).toMatchObject([
      { source: "ministry's report", type: 'document', cue: 'found', content: 'that the cables had corroded' },
    ]);
  });

  it('colon lead-in after "told": the addressee is skipped', () => {
    expect(claims('The minister told reporters: "We have no money left."')).toMatchObject([
      { source: 'minister', mention: 'The minister', cue: 'told', content: '"We have no money left."', kind: 'direct' },
    ]);
  });

  it('content holds its "that", as PolNeAR and PARC mark it; the kind is judged without it', () => {
    expect(claims('Mayor Ana Ruiz said that “the bridge is safe.”')).toMatchObject([
      { source: 'Ana Ruiz', cue: 'said', content: 'that “the bridge is safe.”', kind: 'direct' },
    ]);
    expect(claims('Mayor Ana Ruiz said that the bridge was “perfectly safe” for now.')).toMatchObject([
      { source: 'Ana Ruiz', cue: 'said', content: 'that the bridge was “perfectly safe” for now', kind: 'mixed' },
    ]);
    expect(claims('Mayor Ana Ruiz said the bridge was safe.')).toMatchObject([{ source: 'Ana Ruiz', cue: 'said', content: 'the bridge was safe', kind: 'indirect' }]);
  });

  it('the cue takes along its verb group: auxiliaries, negation, adverbs, but no "when"', () => {
    expect(claims('The minister has also said that the bridge is safe. Ana Ruiz repeatedly told reporters that it was not.').map((c) => c.cue)).toEqual(['has also said', 'repeatedly told']);
    expect(claims('The bridge closed when Ana Ruiz said it was unsafe.').map((c) => c.cue)).toEqual(['said']);
  });

  it('"X told Reuters that …"', () => {
    expect(claims('Marta Ellison told Reuters that the repairs could cost 30 million dollars.')).toMatchObject([
      { source: 'Marta Ellison', cue: 'told', content: 'that the repairs could cost 30 million dollars', hedged: true },
    ]);
  });

  it('dash attribution: "…" - X, with any of the dashes newsrooms use', () => {
    expect(claims('"We were promised a bridge that would last a hundred years." - Lena Morales')).toMatchObject([
      { source: 'Lena Morales', type: 'person', cue: '-', content: '"We were promised a bridge that would last a hundred years."', kind: 'direct', pattern: 'dash' },
    ]);
    expect(claims('“She stands for everything we fought against.” ― Imelda Sorensen').map((c) => [c.source, c.cue, c.pattern])).toEqual([['Imelda Sorensen', '―', 'dash']]);
  });

  it('dash attribution of a quotation whose opening mark was misprinted as a closing one', () => {
    const text = 'Readers wrote in after the debate.\n\n”The bridge is our shame.” ― Ida Berg\n\n“The port is losing ships.” ― Omar Farah';
    expect(claims(text).map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Ida Berg', '―', '”The bridge is our shame.”'],
      ['Omar Farah', '―', '“The port is losing ships.”'],
    ]);
  });

  it('a quantifier between the subject and its verb: "have both criticised", "each said"', () => {
    expect(claims('The United Nations and the United States have both criticised the policy.').map((c) => [c.source, c.cue, c.content])).toEqual([
      ['United Nations', 'criticised', 'the policy'],
      ['United States', 'criticised', 'the policy'],
    ]);
    expect(claims('The two unions each said the plan was late.').map((c) => [c.source, c.content])).toEqual([['two unions', 'the plan was late']]);
  });

  it('a reporting verb closing a relative clause reports on what comes before the pronoun, nested in an aside', () => {
    expect(claims('Malaysia kept a policy which, according to AFP, the United Nations has condemned.').map((c) => [c.source, c.cue, c.content, c.via])).toEqual([
      ['AFP', 'according to', 'Malaysia kept a policy which, according to AFP, the United Nations has condemned', []],
      ['United Nations', 'has condemned', 'Malaysia kept a policy', ['AFP']],
    ]);
    expect(claims('The plan, which the union has denounced, was approved.').map((c) => [c.source, c.content])).toEqual([['union', 'The plan']]);
    // another reporting verb before the pronoun leaves unclear what it points back to
    expect(claims('Mr. Obama had proposed a tax on the wealthy, which Congress rejected.').map((c) => [c.source, c.content])).toEqual([['Obama', 'a tax on the wealthy']]);
  });

  it('a participle and a time between a subject and its verb modify the subject, even where the verb was read as a noun', () => {
    const said = (text: string) => claims(text).map((c) => [c.source, c.mention, c.cue, c.content]);
    expect(said('Figures released today show that a record number of people crossed the border.')).toEqual([['Figures', 'Figures', 'show', 'that a record number of people crossed the border']]);
    expect(said('A poll of voters released on Tuesday showed that the senator led.')).toEqual([['poll of voters', 'A poll of voters', 'showed', 'that the senator led']]);
    // a finite verb before a time is no participle: "responded Friday to reports that …" is not the reports' claim
    expect(said('Nehlen responded Friday to reports that the mayor planned to resign.').map((c) => c[2])).toEqual(['planned']);
  });

  it('an intensifying reflexive between a subject and its verb is no subject: "Ford itself said"', () => {
    expect(claims('Ford itself said the strike was over. The council itself said the plan was dead.').map((c) => [c.source, c.mention, c.content])).toEqual([
      ['Ford', 'Ford', 'the strike was over'],
      ['council', 'The council', 'the plan was dead'],
    ]);
  });

  it('a document before "of" heads its phrase: the study finds, not the children', () => {
    expect(claims('A study of children found that most sleep too little.').map((c) => [c.source, c.type, c.cue])).toEqual([['study of children', 'document', 'found']]);
  });

  it('a subject with a modifier after it speaks, not the phrase inside the modifier', () => {
    const sourceOf = (text: string) => claims(text).map((c) => [c.source, c.content]);
    expect(sourceOf('A study published in Nature found that the drug cut deaths by half.')).toEqual([['study', 'that the drug cut deaths by half']]);
    expect(sourceOf('A report released on Tuesday by the ministry says the bridge is unsafe.')).toEqual([['report', 'the bridge is unsafe']]);
    expect(sourceOf('A new study documenting sleep habits in teenagers has revealed most sleep less than they need.')).toEqual([['new study', 'most sleep less than they need']]);
    expect(sourceOf('On Tuesday, a study published in Nature found that coffee is safe.')).toEqual([['study', 'that coffee is safe']]);
    // a phrase after a comma opens the clause: the opening words are no subject
    expect(sourceOf('When asked about the crisis, Ted Cruz said he knows its consequences.')).toEqual([['Ted Cruz', 'he knows its consequences']]);
    expect(sourceOf('People close to the president said he would resign.')).toEqual([['People', 'he would resign']]);
    expect(sourceOf('Sources familiar with the negotiations said a deal was close.')).toEqual([['Sources', 'a deal was close']]);
    // an adjective with another preposition is no such modifier
    expect(sourceOf('Voters skeptical as Clinton vows change')).toEqual([['Clinton', 'change']]);
    // a noun's prepositional modifier, and a relative clause with its own verb
    expect(sourceOf('Officials in Washington say the talks will resume.')).toEqual([['Officials', 'the talks will resume']]);
    expect(sourceOf('Residents in the town and nearby villages say the water is unsafe.')).toEqual([['Residents', 'the water is unsafe']]);
    expect(sourceOf('A 2019 study that appeared in a medical journal found that sugar is harmful.')).toEqual([['2019 study', 'that sugar is harmful']]);
    expect(sourceOf('Insurance companies that had covered the mine agreed to release the cash.')).toEqual([['Insurance companies', 'to release the cash']]);
    expect(sourceOf('Another intelligence source speaking to the network said the agents were busy.')).toEqual([['intelligence source', 'the agents were busy']]);
    // "after" opens a clause, not a modifier: the phrase before the verb is its subject
    expect(sourceOf('The senator issued a statement after Governor Ruth Hale told a town hall that the tax was dead.')).toEqual([['Ruth Hale', 'that the tax was dead']]);
  });

  it('a relative pronoun is the mention of the source it stands for, as PolNeAR marks it', () => {
    expect(claims('The plan was praised by Mr. Kamin, who emphasized that it would simplify tax returns.').map((c) => [c.source, c.mention, c.cue])).toEqual([
      ['Kamin', 'who', 'emphasized'],
    ]);
  });

  it('a relative clause\'s content ends where the main clause\'s verb resumes, not at a list\'s comma', () => {
    const contents = (text: string) => claims(text, { units: 'attributions' }).map((c) => [c.cue, c.content]);
    expect(contents('Senator Ruth Hale, who in 2010 said the goal was to win, declined to comment.')).toEqual([
      ['said', 'the goal was to win'],
      ['declined', 'to comment'],
    ]);
    expect(contents('Mayor Tom Reyes, who said the budget was fair, honest and balanced, is running again.')).toEqual([['said', 'the budget was fair, honest and balanced']]);
  });

  it('a time expression between a subject and its verb is no part of the subject', () => {
    const sourceOf = (text: string) => claims(text).map((c) => [c.source, c.mention]);
    expect(sourceOf('The council on Friday pledged to cut taxes.')).toEqual([['council', 'The council']]);
    expect(sourceOf('Lawmakers last week said the bill was dead.')).toEqual([['Lawmakers', 'Lawmakers']]);
    expect(sourceOf('Officials earlier this month said the plan was dead.')).toEqual([['Officials', 'Officials']]);
    expect(sourceOf('Senator Ruth Hale, who in 2010 said the goal was to win, declined to comment.')[0]).toEqual(['Ruth Hale', 'who']);
    expect(sourceOf('The mayor Tuesday said the bridge would reopen.')).toEqual([['mayor', 'The mayor']]);
    // a capitalised day word belongs to a name
    expect(sourceOf('USA TODAY reported that the mayor had resigned.')).toEqual([['USA TODAY', 'USA TODAY']]);
  });

  it('"was quoted as saying": the participle reports for the subject', () => {
    expect(claims('The minister was quoted as saying the plan was dead.').map((c) => [c.source, c.cue, c.content])).toEqual([['minister', 'saying', 'the plan was dead']]);
  });

  it('a claim resumes after its attribution with a verb only when it had none before', () => {
    expect(claims('The suspect, police said, fled on foot.').map((c) => [c.source, c.content])).toEqual([['police', 'The suspect, police said, fled on foot']]);
    expect(claims('“It has been seven years,” Hale said, asked about the delay.').map((c) => [c.source, c.content])).toEqual([['Hale', '“It has been seven years,”']]);
  });

  it('a short content that opens with "that" is not the end of the sentence, so the verb is no aside', () => {
    expect(claims('On Tuesday, the ministry said that coffee is safe.').map((c) => [c.source, c.content, c.pattern])).toEqual([['ministry', 'that coffee is safe', 'verb']]);
  });

  it('a content opens at its "that" past a long adjunct between the verb and the clause', () => {
    expect(claims('The governor said during a town hall meeting in Dayton that the plant would reopen next year.').map((c) => [c.source, c.content])).toEqual([
      ['governor', 'that the plant would reopen next year'],
    ]);
  });

  it('a bare reporting verb the tagger read as a noun, after a plural subject or after an aside that follows one', () => {
    expect(claims('Recent polls show that the mayor leads the race.').map((c) => [c.source, c.cue, c.content])).toEqual([['Recent polls', 'show', 'that the mayor leads the race']]);
    expect(claims('Results of the field studies, published in a journal by a botanist in 1989, show bean plants lose more yield from ozone than grasses.').map((c) => [c.source, c.cue])).toEqual([
      ['Results of the field studies', 'show'],
    ]);
    // commas with no verb between them are a list, not an aside
    expect(claims('Members of the council, governors, state party chairs and others attended the meeting.')).toEqual([]);
  });

  it('an "as" clause set off by a comma frames the rest of its sentence', () => {
    const contents = (text: string) => claims(text, { units: 'attributions' }).map((c) => [c.source, c.content]);
    expect(contents('The mayor resigned on Monday, as the Times reported.')).toEqual([['Times', 'The mayor resigned on Monday']]);
    expect(contents('The mayor, as the Times reported, resigned on Monday.')).toEqual([['Times', 'The mayor, as the Times reported, resigned on Monday']]);
    expect(contents('Hawaii, as one of the climate advisers pointed out, rarely gets two hurricanes in a row.')).toEqual([
      ['one of the climate advisers', 'Hawaii, as one of the climate advisers pointed out, rarely gets two hurricanes in a row'],
    ]);
    // after an opening adverbial, or at the sentence's start, the content is what follows
    expect(contents('Of course, as Joel Pollak observed, the biggest victor was the stage itself.')).toEqual([['Joel Pollak', 'the biggest victor was the stage itself']]);
    expect(contents('As the Times reported, the mayor resigned on Monday.')).toEqual([['Times', 'the mayor resigned on Monday']]);
    // a cue with its particle set off the same way
    expect(contents('The plan, Ruth Hale pointed out, would cost far more.')).toEqual([['Ruth Hale', 'The plan, Ruth Hale pointed out, would cost far more']]);
  });

  it('a speaker name and a colon opening a paragraph', () => {
    expect(claims('The debate went on.\n\nPENCE: Well, look, we will win this state.')).toMatchObject([
      { source: 'PENCE', cue: ':', content: 'Well, look, we will win this state.', pattern: 'colon' },
    ]);
  });

  it('the label of a page note before a colon is no speaker, nor is a name in a tally', () => {
    expect(claims('The vote was close.\n\nCorrection: An earlier version of this story misstated the date.\n\nUPDATE: The count was certified.\n\nVIDEO: The mayor speaks.')).toEqual([]);
    expect(claims('The count stands.\n\nRuiz: 2,316. Farah: 1,547. Ruiz needs 67 more votes.')).toEqual([]);
  });

  it('cognition verbs of a specific source', () => {
    expect(claims('Mayor Daniel Okafor believes the closure is an inconvenience.')).toMatchObject([
      { source: 'Daniel Okafor', type: 'person', mention: 'Mayor Daniel Okafor', cue: 'believes', content: 'the closure is an inconvenience' },
    ]);
    expect(claims('Many residents fear the closure will hurt local shops.')).toMatchObject([{ source: 'Many residents', cue: 'fear', content: 'the closure will hurt local shops' }]);
  });

  it('no cognition cue without a source that could hold the belief', () => {
    expect(claims('The scene showed numerous bodies and scattered debris.')).toEqual([]);
  });

  it('vague cues: "reportedly", "it was reported", "reports indicate"', () => {
    expect(claims('The mayor reportedly knew of the cracks a week before the closure.')).toMatchObject([
      { source: 'reports', type: 'vague', mention: null, cue: 'reportedly', hedged: true, pattern: 'vague' },
    ]);
    expect(claims('It was reported that two other clubs have asked about the striker.')).toMatchObject([
      { source: 'reports', type: 'vague', cue: 'was reported', content: 'that two other clubs have asked about the striker' },
    ]);
    expect(claims('Reports indicate that the council postponed the contract twice.')).toMatchObject([
      { source: 'Reports', type: 'vague', cue: 'indicate', content: 'that the council postponed the contract twice' },
    ]);
  });

  it('a passive reporting verb names its source after "by"', () => {
    expect(claims('The closure was announced by the Calder Transport Authority on Monday.')).toMatchObject([
      { source: 'Calder Transport Authority', cue: 'was announced', content: 'The closure was announced by the Calder Transport Authority on Monday' },
    ]);
  });

  it('a participle reports for the subject of its clause', () => {
    expect(claims('Despite this, the mayor kept calling ministers, arguing that the army would hold out.')).toMatchObject([
      { source: 'mayor', mention: 'the mayor', cue: 'arguing', content: 'that the army would hold out' },
    ]);
    // an adverb may stand between the comma and the participle; it joins the cue, and the claim before ends at the comma
    expect(claims('Ruth Hale complained about the microphone, even suggesting that it had been cut.', { units: 'attributions' }).map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Ruth Hale', 'complained', 'about the microphone'],
      ['Ruth Hale', 'even suggesting', 'that it had been cut'],
    ]);
  });

  it('"X said A, citing B": the participle reports B for X, and A ends at the comma before it', () => {
    const text = 'Trade experts said the tariffs had hurt exporters, citing a drop in shipments to Asia.';
    expect(claims(text, { units: 'attributions' }).map((c) => [c.source, c.cue, c.content])).toEqual([
      ['Trade experts', 'said', 'the tariffs had hurt exporters'],
      ['Trade experts', 'citing', 'a drop in shipments to Asia'],
    ]);
    expect(claims('The mayor said the bridge was safe, adding that repairs would start in May.', { units: 'attributions' }).map((c) => [c.cue, c.content])).toEqual([
      ['said', 'the bridge was safe'],
      ['adding', 'that repairs would start in May'],
    ]);
  });

  it('"X said A, and Y warned B": a cue with its own subject after a comma and a conjunction, or a semicolon, is a second claim, not one inside A', () => {
    const view = (text: string) => claims(text).map((c) => [c.source, c.cue, c.content]);
    expect(view('The minister said the reforms were not complete, and aid groups warned that the army still held power.')).toEqual([
      ['minister', 'said', 'the reforms were not complete'],
      ['aid groups', 'warned', 'that the army still held power'],
    ]);
    expect(view('The mayor said the bridge was safe; engineers said it was not.')).toEqual([
      ['mayor', 'said', 'the bridge was safe'],
      ['engineers', 'said', 'it was not'],
    ]);
    expect(view('The mayor said the bridge was safe and the road was open.')).toEqual([['mayor', 'said', 'the bridge was safe and the road was open']]);
  });

  it('a relative "that" after a noun is part of the content; after the verb\'s object it still leads it', () => {
    expect(claims('The minister said the delays that hit the project were over.').map((c) => [c.cue, c.content])).toEqual([['said', 'the delays that hit the project were over']]);
    expect(claims('The union demands that the mayor resign.').map((c) => [c.cue, c.content])).toEqual([['demands', 'that the mayor resign']]);
    expect(claims('The minister said the demands that come with the job were heavy.').map((c) => [c.cue, c.content])).toEqual([['said', 'the demands that come with the job were heavy']]);
    expect(claims('The engineer told reporters that the cables were sound.').map((c) => [c.cue, c.content])).toEqual([['told', 'that the cables were sound']]);
  });

  it('a content ends before the writer\'s ", but …", ", while …" and a closing ", who …", not before an aside', () => {
    const contents = (text: string) => claims(text).map((c) => c.content);
    expect(contents('The senator said the budget was balanced, but critics pointed to a growing deficit.')).toEqual(['the budget was balanced']);
    expect(contents('The minister said the talks would resume, while critics doubted it.')).toEqual(['the talks would resume']);
    expect(contents('The mayor said she would back Tom Hale, who is 70.')).toEqual(['she would back Tom Hale']);
    expect(contents('The mayor said the plan, which was late, would fail.')).toEqual(['the plan, which was late, would fail']);
  });

  it('a surname the tagger reads as a verb still opens a sentence as the speaker ("Lynch said")', () => {
    expect(claims('Frank Lynch chairs the panel. Lynch said the vote was fair.').map((c) => [c.source, c.mention, c.cue])).toEqual([['Frank Lynch', 'Lynch', 'said']]);
    // and after the quotation it closes, straight or curly
    for (const text of ['Frank Lynch chairs the panel. "The vote was fair," Lynch said.', 'Frank Lynch chairs the panel. “The vote was fair,” Lynch said.']) {
      expect(claims(text).map((c) => [c.source, c.mention, c.cue, c.kind])).toEqual([['Frank Lynch', 'Lynch', 'said', 'direct']]);
    }
    // a capitalised verb ending the text after a quotation has no verb after it to look at
    expect(claims('He shouted: "Stop," Run')).toEqual([]);
  });

  it('ignores reporting verbs inside a quotation: they belong to the quoted speaker', () => {
    expect(claims('"They said it was safe," Ellison said.')).toMatchObject([{ source: 'Ellison', content: '"They said it was safe,"' }]);
  });

  it('a trailing cue frames the clause before it, and a verb inside that clause is not a second claim', () => {
    expect(claims('A campaign aide decided to change course, a source said.')).toMatchObject([{ source: 'source', mention: 'a source', cue: 'said', content: 'A campaign aide decided to change course' }]);
  });
});
